package io.orbit.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.orbit.processor.diagnostic.ErrorReporter;
import io.orbit.processor.diagnostic.Message;
import io.orbit.processor.diagnostic.Problem;
import io.orbit.processor.element.AnnotationReader;
import io.orbit.processor.element.BuildResult;
import io.orbit.processor.element.ClaimReader;
import io.orbit.processor.element.KindAnnotation;
import io.orbit.processor.element.ModelBuilder;
import io.orbit.processor.element.RuntimeLimits;
import io.orbit.processor.element.VisibleClaim;
import io.orbit.processor.model.ClaimNamespace;
import io.orbit.processor.model.OrbitType;
import io.orbit.processor.validation.KindCandidate;
import io.orbit.processor.validation.KindChecks;
import io.orbit.processor.validation.TypeChecks;
import io.orbit.processor.writer.ClaimWriter;
import io.orbit.processor.writer.CodecWriter;
import io.orbit.processor.writer.OrbitalWriter;
import io.orbit.processor.writer.SourceFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The Orbit annotation processor: for every {@code @OrbitTyped} record it writes {@code XCodec},
 * {@code XOrbital} and a KIND claim; for every {@code @ContestType} a contest claim; and it refuses
 * duplicate KINDs. See the package documentation for the pipeline and its decisions.
 *
 * <p>It claims the Orbit annotations ({@link #process} returns true, as AutoValue does for its own),
 * so javac's {@code -Xlint:processing} has nothing to report under {@code -Werror}; no other processor
 * acts on them. It never lets an exception reach javac: an unexpected failure becomes an error on the
 * type being processed.
 */
@AutoService(Processor.class)
public final class OrbitProcessor extends AbstractProcessor
{
    private final Set<String> sourceTypes = new HashSet<>();
    private final Set<String> deferred = new LinkedHashSet<>();
    private final Set<String> handled = new HashSet<>();
    private final KindChecks kindChecks = new KindChecks();
    private Elements elements;
    private Filer filer;
    private ErrorReporter reporter;
    private AnnotationReader annotations;
    private ModelBuilder builder;
    private ClaimReader claimReader;
    private int maxPayload = -1;
    private LayoutLockFile layoutLock;

    /**
     * Everything the processor found for one type in one round.
     */
    private static final class TypeWork
    {
        private final TypeElement type;
        private final List<Problem> problems = new ArrayList<>();
        private final List<KindCandidate> candidates = new ArrayList<>();
        private OrbitType model;

        private TypeWork(final TypeElement type)
        {
            this.type = type;
        }
    }

    @Override
    public synchronized void init(final ProcessingEnvironment processingEnv)
    {
        super.init(processingEnv);
        elements = processingEnv.getElementUtils();
        filer = processingEnv.getFiler();
        reporter = ErrorReporter.of(processingEnv);
        annotations = new AnnotationReader(elements);
        builder = new ModelBuilder(elements, processingEnv.getTypeUtils(), sourceTypes::contains, this::maxPayload);
        claimReader = new ClaimReader(elements);
        layoutLock = LayoutLockFile.open(processingEnv.getOptions(), reporter);
    }

    @Override
    public Set<String> getSupportedOptions()
    {
        return Set.of(LayoutLockFile.PATH_OPTION, LayoutLockFile.UPDATE_OPTION);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes()
    {
        // Every Orbit annotation, including those only generated code (@Generated, @KindClaim) or record
        // components (@Length) carry: an annotation no processor supports is "unclaimed" to javac's lint.
        return Set.of(AnnotationReader.ORBIT_TYPED, AnnotationReader.CONTEST_TYPE, AnnotationReader.LENGTH,
            AnnotationReader.KIND_CLAIM, AnnotationReader.GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion()
    {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(final Set<? extends TypeElement> annotationTypes, final RoundEnvironment round)
    {
        try
        {
            if (round.processingOver())
            {
                reportUnresolved();
                layoutLock.writeIfUpdating();
            }
            else
            {
                processRound(round);
            }
        }
        catch (final RuntimeException ex)
        {
            // Last resort: per-type failures are caught closer to the type and reported on it.
            reporter.internalError(null, "a processing round", ex);
        }
        // Claimed: getSupportedAnnotationTypes names only Orbit's own annotations (see PROCESSOR.md).
        return true;
    }

    private int maxPayload()
    {
        if (maxPayload < 0)
        {
            maxPayload = RuntimeLimits.maxPayload(elements);
        }
        return maxPayload;
    }

    private void processRound(final RoundEnvironment round)
    {
        rememberSourceTypes(round.getRootElements());
        builder.newRound();

        final Map<String, TypeElement> pending = new LinkedHashMap<>();
        for (final String name : deferred)
        {
            final TypeElement type = elements.getTypeElement(name);
            if (type != null)
            {
                pending.put(name, type);
            }
        }
        deferred.clear();
        collectAnnotated(round, AnnotationReader.ORBIT_TYPED, pending);
        collectAnnotated(round, AnnotationReader.CONTEST_TYPE, pending);

        final List<TypeWork> works = new ArrayList<>();
        for (final TypeElement type : pending.values())
        {
            final String name = type.getQualifiedName().toString();
            if (handled.contains(name))
            {
                continue;
            }
            try
            {
                final TypeWork work = analyse(type);
                if (work == null)
                {
                    deferred.add(name);
                }
                else
                {
                    handled.add(name);
                    works.add(work);
                }
            }
            catch (final RuntimeException ex)
            {
                handled.add(name);
                reporter.internalError(type, name, ex);
            }
        }
        if (works.isEmpty())
        {
            return;
        }

        final Map<KindCandidate, List<Problem>> kindProblems;
        try
        {
            final List<VisibleClaim> claims = claimReader.read();
            final List<KindCandidate> candidates = new ArrayList<>();
            works.forEach(work -> candidates.addAll(work.candidates));
            kindProblems = kindChecks.check(candidates, claims, sourceTypes::contains);
        }
        catch (final RuntimeException ex)
        {
            works.forEach(work -> reporter.internalError(work.type, work.type.getQualifiedName().toString(), ex));
            return;
        }

        for (final TypeWork work : works)
        {
            work.candidates.forEach(candidate -> work.problems.addAll(kindProblems.getOrDefault(candidate, List.of())));
            work.problems.forEach(reporter::report);
            if (work.problems.isEmpty())
            {
                write(work);
            }
        }
    }

    /**
     * @return the type's findings, or null to defer it to the next round (it refers to something
     * not generated yet).
     */
    private TypeWork analyse(final TypeElement type)
    {
        final TypeWork work = new TypeWork(type);
        final String binaryName = elements.getBinaryName(type).toString();
        final AnnotationMirror orbitTyped = AnnotationReader.find(type, AnnotationReader.ORBIT_TYPED);
        if (orbitTyped != null)
        {
            if (type.getKind() != ElementKind.RECORD)
            {
                work.problems.add(Problem.onValue(
                    Message.NOT_A_RECORD, type, orbitTyped, null, type.getQualifiedName(), describe(type.getKind())));
            }
            else
            {
                final KindAnnotation ring = KindAnnotation.read(annotations, type, ClaimNamespace.RING);
                if (ring == null)
                {
                    return null;
                }
                final BuildResult result = builder.build(type);
                if (result instanceof BuildResult.Deferred)
                {
                    return null;
                }
                if (result instanceof BuildResult.Invalid invalid)
                {
                    work.problems.addAll(invalid.problems());
                }
                else
                {
                    work.model = ((BuildResult.Built)result).type();
                }
                work.problems.addAll(new TypeChecks(elements, maxPayload()).check(type, ring, work.model));
                if (work.problems.isEmpty())
                {
                    work.problems.addAll(layoutLock.check(type, ring, work.model));
                }
                work.candidates.add(new KindCandidate(type, binaryName, ring));
            }
        }
        if (AnnotationReader.find(type, AnnotationReader.CONTEST_TYPE) != null)
        {
            final KindAnnotation contest = KindAnnotation.read(annotations, type, ClaimNamespace.CONTEST);
            if (contest == null)
            {
                return null;
            }
            work.candidates.add(new KindCandidate(type, binaryName, contest));
        }
        return work;
    }

    private void write(final TypeWork work)
    {
        final String name = work.type.getQualifiedName().toString();
        try
        {
            final List<JavaFile> files = new ArrayList<>();
            if (work.model != null)
            {
                files.add(CodecWriter.write(work.model, work.type));
                files.add(OrbitalWriter.write(work.model, work.type));
            }
            for (final KindCandidate candidate : work.candidates)
            {
                final long fingerprint = candidate.namespace() == ClaimNamespace.RING && work.model != null
                    ? work.model.fingerprint() : 0L;
                files.add(ClaimWriter.write(candidate.namespace(), candidate.kind(), candidate.binaryName(),
                    fingerprint, moduleName(work.type), work.type));
            }
            final String module = moduleName(work.type);
            for (final JavaFile file : files)
            {
                SourceFiles.write(filer, file, module, work.type);
            }
        }
        catch (final IOException ex)
        {
            reporter.report(Problem.on(Message.WRITE_FAILED, work.type, name, ex));
        }
        catch (final RuntimeException ex)
        {
            reporter.internalError(work.type, name, ex);
        }
    }

    private void reportUnresolved()
    {
        for (final String name : deferred)
        {
            final TypeElement type = elements.getTypeElement(name);
            if (type != null)
            {
                reporter.report(Problem.on(Message.UNSUPPORTED_UNRESOLVED, type, name));
            }
        }
        deferred.clear();
    }

    private void collectAnnotated(final RoundEnvironment round, final String annotationName, final Map<String, TypeElement> into)
    {
        final TypeElement annotation = elements.getTypeElement(annotationName);
        if (annotation == null)
        {
            return;
        }
        for (final Element element : round.getElementsAnnotatedWith(annotation))
        {
            if (element instanceof TypeElement type)
            {
                into.putIfAbsent(type.getQualifiedName().toString(), type);
            }
        }
    }

    private void rememberSourceTypes(final Iterable<? extends Element> roots)
    {
        for (final Element root : roots)
        {
            if (root instanceof TypeElement type)
            {
                sourceTypes.add(elements.getBinaryName(type).toString());
                rememberSourceTypes(type.getEnclosedElements());
            }
        }
    }

    private String moduleName(final TypeElement type)
    {
        final ModuleElement module = elements.getModuleOf(type);
        return module == null || module.isUnnamed() ? "" : module.getQualifiedName().toString();
    }

    private static String describe(final ElementKind kind)
    {
        return switch (kind)
        {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a class";
        };
    }
}
