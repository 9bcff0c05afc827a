package io.orbit.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.orbit.processor.model.ClaimNamespace;
import io.orbit.processor.model.Names;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the claim class of one type: an empty class in the claim package whose
 * {@code @KindClaim} tells later compilations (and this one, in later rounds) that the KIND is taken.
 */
public final class ClaimWriter
{
    private ClaimWriter()
    {
    }

    /**
     * @param namespace   ring or contest.
     * @param kind        the claimed KIND.
     * @param binaryName  the claiming type's binary name.
     * @param fingerprint its layout fingerprint, 0 for none.
     * @param moduleName  the claiming type's module, empty for the unnamed module.
     * @param originating the claiming type's element.
     * @return the claim source file.
     */
    public static JavaFile write(
        final ClaimNamespace namespace,
        final int kind,
        final String binaryName,
        final long fingerprint,
        final String moduleName,
        final Element originating)
    {
        final String className = Names.claimClassName(namespace, kind, binaryName);
        final AnnotationSpec.Builder claim = AnnotationSpec.builder(RuntimeTypes.KIND_CLAIM)
            .addMember("namespace", "$S", namespace.id())
            .addMember("kind", "$L", kind)
            .addMember("type", "$S", binaryName);
        if (fingerprint != 0)
        {
            claim.addMember("fingerprint", "$L", CodecWriter.hex(fingerprint));
        }
        final TypeSpec.Builder spec = TypeSpec.classBuilder(className)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(RuntimeTypes.generated())
            .addAnnotation(claim.build())
            .addJavadoc("Claim of $L $L by {@code $L}.\n\n", namespace.label(), kind, binaryName)
            .addJavadoc("<p>The Orbit annotation processor reads every claim visible to a compilation and refuses\n")
            .addJavadoc("a second type with the same KIND. Not meant to be used by hand.\n")
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (originating != null)
        {
            spec.addOriginatingElement(originating);
        }
        return JavaFile.builder(Names.claimPackage(moduleName), spec.build())
            .addFileComment("$L", RuntimeTypes.fileComment(binaryName))
            .indent("    ")
            .build();
    }
}
