package io.orbit.processor.element;

import io.orbit.processor.model.ClaimNamespace;
import io.orbit.processor.model.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds every KIND claim visible to the compilation.
 *
 * <p>On the class path, javac merges one package across all jars, so listing {@code orbit_kinds}
 * yields the claims of every jar, the runtime's reservations included. On the module path one
 * package may not live in two modules, so each named module keeps its claims in its own package
 * {@code orbit_kinds.<module_name>}; this reader probes that package, and the flat one, in every
 * module of the module graph. Modules outside the graph are not visible to any compile-time check.
 */
public final class ClaimReader
{
    private final Elements elements;
    private final AnnotationReader reader;

    /**
     * @param elements javac's element utilities.
     */
    public ClaimReader(final Elements elements)
    {
        this.elements = elements;
        this.reader = new AnnotationReader(elements);
    }

    /**
     * @return every claim found, in a stable order.
     */
    public List<VisibleClaim> read()
    {
        final Set<VisibleClaim> claims = new LinkedHashSet<>();
        final Set<? extends ModuleElement> modules = elements.getAllModuleElements();
        if (modules.isEmpty())
        {
            // Source level 8 or a front end without modules: one flat package.
            collect(elements.getPackageElement(Names.CLAIM_PACKAGE), "class path", claims);
        }
        else
        {
            // Sorted, so that the claim a message names does not depend on hash order.
            final List<ModuleElement> sorted = new ArrayList<>(modules);
            sorted.sort(Comparator.comparing(module -> module.getQualifiedName().toString()));
            for (final ModuleElement module : sorted)
            {
                final String moduleName = module.getQualifiedName().toString();
                final String location = module.isUnnamed() ? "class path" : "module path (module " + moduleName + ")";
                collect(own(module, Names.CLAIM_PACKAGE), location, claims);
                if (!module.isUnnamed())
                {
                    collect(own(module, Names.claimPackage(moduleName)), location, claims);
                }
            }
        }
        return new ArrayList<>(claims);
    }

    /**
     * getPackageElement(module, name) answers with the package as seen from that module, which for
     * an automatic or unnamed module may belong to another module; keep only the module's own, so
     * each claim is found once, under the module that holds it.
     */
    private PackageElement own(final ModuleElement module, final String packageName)
    {
        final PackageElement found = elements.getPackageElement(module, packageName);
        return found != null && module.equals(elements.getModuleOf(found)) ? found : null;
    }

    private void collect(final PackageElement claimPackage, final String location, final Set<VisibleClaim> claims)
    {
        if (claimPackage == null)
        {
            return;
        }
        for (final Element member : claimPackage.getEnclosedElements())
        {
            final AnnotationMirror mirror = AnnotationReader.find(member, AnnotationReader.KIND_CLAIM);
            if (mirror == null)
            {
                continue;
            }
            final Object namespace = valueOf(mirror, "namespace");
            final Object kind = valueOf(mirror, "kind");
            final Object type = valueOf(mirror, "type");
            final Object fingerprint = valueOf(mirror, "fingerprint");
            final ClaimNamespace claimNamespace = namespace instanceof String id ? ClaimNamespace.ofId(id) : null;
            if (claimNamespace != null && kind instanceof Integer claimedKind && type instanceof String claimant)
            {
                claims.add(new VisibleClaim(
                    claimNamespace,
                    claimedKind,
                    claimant,
                    fingerprint instanceof Long value ? value : 0L,
                    ((TypeElement)member).getQualifiedName().toString(),
                    location));
            }
        }
    }

    private Object valueOf(final AnnotationMirror mirror, final String name)
    {
        final AnnotationValue value = reader.withDefault(mirror, name);
        return value == null ? null : value.getValue();
    }
}
