package io.orbit.processor.element;

import io.orbit.processor.diagnostic.Problem;
import io.orbit.processor.model.ClaimNamespace;
import io.orbit.processor.model.LayoutCalculator;
import io.orbit.processor.model.OrbitType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Builds the model of an {@code @OrbitTyped} record from its element, whether it comes from source or
 * from a class file (a nested record from another jar is read through its {@code Record} attribute).
 * Nested records are built recursively; a nesting cycle is detected through the records in progress,
 * so it is reported instead of recursing forever. Results are cached for one round, because a record
 * nested in several others is built once.
 */
public final class ModelBuilder
{
    private final Elements elements;
    private final AnnotationReader reader;
    private final ComponentClassifier classifier;
    private final Predicate<String> willBeGenerated;
    private final IntSupplier maxPayload;
    private final Map<String, BuildResult> cache = new HashMap<>();
    private final List<String> inProgress = new ArrayList<>();

    /**
     * @param elements        javac's element utilities.
     * @param types           javac's type utilities.
     * @param willBeGenerated whether a binary name is a type of this compilation, whose codec this
     *                        processor writes, rather than one read from a class file.
     * @param maxPayload      the runtime's slot payload limit.
     */
    public ModelBuilder(
        final Elements elements,
        final Types types,
        final Predicate<String> willBeGenerated,
        final IntSupplier maxPayload)
    {
        this.elements = elements;
        this.reader = new AnnotationReader(elements);
        this.classifier = new ComponentClassifier(elements, types, this);
        this.willBeGenerated = willBeGenerated;
        this.maxPayload = maxPayload;
    }

    /**
     * Forgets cached results: in a new round a deferred type may resolve.
     */
    public void newRound()
    {
        cache.clear();
        inProgress.clear();
    }

    /**
     * @param record an {@code @OrbitTyped} record.
     * @return its model, its problems, or a deferral.
     */
    public BuildResult build(final TypeElement record)
    {
        final String name = record.getQualifiedName().toString();
        final BuildResult cached = cache.get(name);
        if (cached != null)
        {
            return cached;
        }
        inProgress.add(name);
        final BuildResult result;
        try
        {
            result = buildUncached(record);
        }
        finally
        {
            inProgress.remove(inProgress.size() - 1);
        }
        cache.put(name, result);
        return result;
    }

    String cycleThrough(final String qualifiedName)
    {
        final int start = inProgress.indexOf(qualifiedName);
        if (start < 0)
        {
            return null;
        }
        return String.join(" -> ", inProgress.subList(start, inProgress.size())) + " -> " + qualifiedName;
    }

    int maxPayload()
    {
        return maxPayload.getAsInt();
    }

    boolean willBeGenerated(final String binaryName)
    {
        return willBeGenerated.test(binaryName);
    }

    private BuildResult buildUncached(final TypeElement record)
    {
        final KindAnnotation annotation = KindAnnotation.read(reader, record, ClaimNamespace.RING);
        if (annotation == null)
        {
            return new BuildResult.Deferred("the @OrbitTyped values of " + record.getQualifiedName());
        }
        final List<LayoutCalculator.Component> components = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        String cycle = null;
        for (final RecordComponentElement component : record.getRecordComponents())
        {
            final Integer since = ComponentClassifier.since(record, component);
            if (since == null)
            {
                return new BuildResult.Deferred("@Since of " + record.getQualifiedName() + "." + component.getSimpleName());
            }
            final ComponentClassifier.Outcome outcome = classifier.classify(record, component);
            if (outcome instanceof ComponentClassifier.Unresolved unresolved)
            {
                return new BuildResult.Deferred(unresolved.reason());
            }
            if (outcome instanceof ComponentClassifier.Failed failed)
            {
                problems.add(failed.problem());
                cycle = cycle == null ? failed.cycle() : cycle;
            }
            else
            {
                components.add(new LayoutCalculator.Component(
                    component.getSimpleName().toString(), ((ComponentClassifier.Laid)outcome).layout(), since));
            }
        }
        if (!problems.isEmpty())
        {
            return new BuildResult.Invalid(problems, cycle);
        }
        final OrbitType type = LayoutCalculator.layOut(JavaNames.of(elements, record), annotation.kind(), annotation.capacity(),
            annotation.topology(), annotation.payloadCapacity(), components);
        return new BuildResult.Built(type);
    }
}
