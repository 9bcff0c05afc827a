package io.orbit.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.orbit.processor.model.OrbitType;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XOrbital}: a typed facade over the runtime's {@code Orbital<X>} for X's ring, so user
 * code reads {@code WorkerLoadOrbital.of(fleet).store(load)} without generics or codec plumbing.
 */
public final class OrbitalWriter
{
    private OrbitalWriter()
    {
    }

    /**
     * @param type        the record's model.
     * @param originating the record's element.
     * @return the accessor source file.
     */
    public static JavaFile write(final OrbitType type, final Element originating)
    {
        final ClassName record = TypeNames.of(type.name());
        final ClassName codec = TypeNames.of(type.codecName());
        final ClassName orbitalClass = TypeNames.of(type.orbitalName());
        final TypeName orbital = ParameterizedTypeName.get(RuntimeTypes.ORBITAL, record);
        final TypeName optional = ParameterizedTypeName.get(ClassName.get(Optional.class), record);

        final TypeSpec.Builder spec = TypeSpec.classBuilder(orbitalClass)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(RuntimeTypes.generated())
            .addJavadoc("Typed last values of {@link $T} in a fleet: ring KIND $L, $L slots per lane, $L.\n\n",
                record, type.kind(), type.capacity(), type.topology())
            .addJavadoc("<p>{@link #store} publishes one value; the load forms return the newest value, fleet-wide,\n")
            .addJavadoc("per node, or by id. The zero-allocation forms fill a {@link $T}; read its fields at offset 0\n",
                RuntimeTypes.FRAME_VIEW)
            .addJavadoc("of {@code view.payload()} with the static readers of {@link $T}. Thread-safe.\n", codec)
            .addField(FieldSpec.builder(orbital, "orbital", Modifier.PRIVATE, Modifier.FINAL).build())
            .addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(orbital, "orbital", Modifier.FINAL)
                .addStatement("this.orbital = orbital")
                .build())
            .addMethod(MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(orbitalClass)
                .addParameter(RuntimeTypes.FLEET, "fleet", Modifier.FINAL)
                .addJavadoc("Opens the ring of {@link $T} in a fleet, creating it or attaching to it.\n\n", record)
                .addJavadoc("@param fleet the fleet.\n")
                .addJavadoc("@return the accessor.\n")
                .addJavadoc("@throws io.orbit.runtime.exceptions.KindConflictException when another type holds KIND $L in the fleet.\n", type.kind())
                .addJavadoc("@throws io.orbit.runtime.exceptions.SegmentLayoutException when the ring exists with another layout.\n")
                .addStatement("return new $T($T.of(fleet, $T.CODEC))", orbitalClass, RuntimeTypes.ORBITAL, codec)
                .build())
            .addMethod(MethodSpec.methodBuilder("store")
                .addModifiers(Modifier.PUBLIC)
                .returns(long.class)
                .addParameter(record, "value", Modifier.FINAL)
                .addJavadoc("Stores a value: validates it, then encodes it straight into a claimed slot.\n\n")
                .addJavadoc("@param value the value.\n")
                .addJavadoc("@return the NetId64 of the stored frame.\n")
                .addJavadoc("@throws io.orbit.runtime.exceptions.InvalidValueException before anything is written, for a null component.\n")
                .addJavadoc("@throws io.orbit.runtime.exceptions.PayloadTooLargeException before anything is written, when a string or\n")
                .addJavadoc("        array does not fit its {@code @Length}.\n")
                .addStatement("return orbital.store(value)")
                .build())
            .addMethod(MethodSpec.methodBuilder("load")
                .addModifiers(Modifier.PUBLIC)
                .returns(optional)
                .addJavadoc("@return the newest value stored by any node, if any.\n")
                .addStatement("return orbital.load()")
                .build())
            .addMethod(MethodSpec.methodBuilder("load")
                .addModifiers(Modifier.PUBLIC)
                .returns(optional)
                .addParameter(int.class, "node", Modifier.FINAL)
                .addJavadoc("@param node node id.\n")
                .addJavadoc("@return the newest value stored by that node, if any.\n")
                .addStatement("return orbital.load(node)")
                .build())
            .addMethod(MethodSpec.methodBuilder("loadById")
                .addModifiers(Modifier.PUBLIC)
                .returns(optional)
                .addParameter(long.class, "id", Modifier.FINAL)
                .addJavadoc("@param id NetId64 returned by {@link #store}.\n")
                .addJavadoc("@return that value, while it is still in the ring.\n")
                .addStatement("return orbital.loadById(id)")
                .build())
            .addMethod(MethodSpec.methodBuilder("loadAll")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(Integer.class), record))
                .addJavadoc("@return the newest value of every node that has one, by node id.\n")
                .addStatement("return orbital.loadAll()")
                .build())
            .addMethod(MethodSpec.methodBuilder("loadView")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(RuntimeTypes.FRAME_VIEW, "view", Modifier.FINAL)
                .addJavadoc("Zero-allocation load of the newest value of any node.\n\n")
                .addJavadoc("@param view view to fill, from {@link #newView()}.\n")
                .addJavadoc("@return true when a value was found; read it with the readers of {@link $T}.\n", codec)
                .addStatement("return orbital.loadView(view)")
                .build())
            .addMethod(MethodSpec.methodBuilder("loadView")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(int.class, "node", Modifier.FINAL)
                .addParameter(RuntimeTypes.FRAME_VIEW, "view", Modifier.FINAL)
                .addJavadoc("Zero-allocation load of the newest value of one node.\n\n")
                .addJavadoc("@param node node id.\n")
                .addJavadoc("@param view view to fill, from {@link #newView()}.\n")
                .addJavadoc("@return true when that node has a value in the ring.\n")
                .addStatement("return orbital.loadView(node, view)")
                .build())
            .addMethod(MethodSpec.methodBuilder("newView")
                .addModifiers(Modifier.PUBLIC)
                .returns(RuntimeTypes.FRAME_VIEW)
                .addJavadoc("@return a new view sized for this ring, to reuse with the zero-allocation loads.\n")
                .addStatement("return orbital.ring().newFrameView()")
                .build())
            .addMethod(MethodSpec.methodBuilder("orbital")
                .addModifiers(Modifier.PUBLIC)
                .returns(orbital)
                .addJavadoc("@return the runtime accessor this class wraps, with its ring and codec.\n")
                .addStatement("return orbital")
                .build())
            .addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S + orbital + $S", orbitalClass.simpleName() + "{", "}")
                .build());
        if (originating != null)
        {
            spec.addOriginatingElement(originating);
        }
        return JavaFile.builder(type.name().packageName(), spec.build())
            .addFileComment("$L", RuntimeTypes.fileComment(type.name().qualifiedName()))
            .skipJavaLangImports(true)
            .indent("    ")
            .build();
    }
}
