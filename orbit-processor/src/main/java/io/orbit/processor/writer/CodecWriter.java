package io.orbit.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.orbit.processor.model.ArrayLayout;
import io.orbit.processor.model.EnumLayout;
import io.orbit.processor.model.FieldLayout;
import io.orbit.processor.model.LayoutKind;
import io.orbit.processor.model.Names;
import io.orbit.processor.model.OrbitField;
import io.orbit.processor.model.OrbitType;
import io.orbit.processor.model.PrimitiveLayout;
import io.orbit.processor.model.RecordLayout;
import io.orbit.processor.model.StringLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XCodec}: the layout constants, the ring spec, the runtime codec, and static
 * {@code validate}, {@code encode}, {@code decode} and field readers.
 *
 * <p>The class, its constants and {@code decode} are written here; each component's checks, encoding
 * and readers by the {@link ComponentWriter} of its layout kind. Shared helpers (UTF-8 strings, enum
 * ordinals) live in the runtime's {@code io.orbit.runtime.codec} package, so generated code stays
 * short and a fix there needs no regeneration.
 */
public final class CodecWriter
{
    private static final Modifier[] CONSTANT = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};

    private final OrbitType type;
    private final ClassName record;
    private final ClassName codec;
    private final String recordName;
    private final List<Component> components = new ArrayList<>();
    private final List<ComponentWriter> writers = new ArrayList<>();
    private final Map<String, EnumLayout> enums = new LinkedHashMap<>();
    private final Map<String, String> enumOrdinalsNames = new LinkedHashMap<>();

    private CodecWriter(final OrbitType type)
    {
        this.type = type;
        this.record = TypeNames.of(type.name());
        this.codec = TypeNames.of(type.codecName());
        this.recordName = type.name().qualifiedName();

        // Public constants keep their natural names; NameAllocator only disambiguates true clashes
        // (two components whose UPPER_SNAKE forms coincide).
        final NameAllocator constants = new NameAllocator();
        for (final String fixed : new String[] {"BYTE_ORDER", "KIND", "ENCODED_LENGTH", "LAYOUT_FINGERPRINT", "RING_SPEC", "CODEC"})
        {
            constants.newName(fixed, fixed);
        }
        final Map<OrbitField, String> offsetNames = new LinkedHashMap<>();
        for (final OrbitField field : type.fields())
        {
            offsetNames.put(field, constants.newName(Names.upperSnake(field.name()) + "_OFFSET", field));
            if (field.layout() instanceof EnumLayout enumLayout)
            {
                enums.putIfAbsent(enumLayout.type().qualifiedName(), enumLayout);
            }
        }
        for (final Map.Entry<String, EnumLayout> entry : enums.entrySet())
        {
            final String simple = entry.getValue().type().simpleName();
            enumOrdinalsNames.put(entry.getKey(), constants.newName(Names.upperSnake(simple) + "_ORDINALS", entry.getKey()));
        }

        // Readers are named after their component; only decode(DirectBuffer, int) is taken, by the codec.
        final NameAllocator methods = new NameAllocator();
        methods.newName("decode", "decode");
        for (final OrbitField field : type.fields())
        {
            final Component component = new Component(field, offsetNames.get(field), methods.newName(field.name(), field), recordName);
            components.add(component);
            writers.add(writerOf(component));
        }
    }

    /**
     * The one place that picks a component's writer by its layout kind.
     */
    private ComponentWriter writerOf(final Component component)
    {
        final FieldLayout layout = component.field().layout();
        return switch (layout.kind())
        {
            case PRIMITIVE -> new PrimitiveComponentWriter(component, (PrimitiveLayout)layout);
            case ENUM -> new EnumComponentWriter(component, (EnumLayout)layout,
                enumOrdinalsNames.get(((EnumLayout)layout).type().qualifiedName()));
            case STRING -> new StringComponentWriter(component, (StringLayout)layout);
            case ARRAY -> new ArrayComponentWriter(component, (ArrayLayout)layout);
            case RECORD -> new RecordComponentWriter(component, (RecordLayout)layout);
        };
    }

    /**
     * @param type        the record's model.
     * @param originating the record's element, so incremental builds know where the file came from.
     * @return the codec source file.
     */
    public static JavaFile write(final OrbitType type, final Element originating)
    {
        return new CodecWriter(type).file(originating);
    }

    private JavaFile file(final Element originating)
    {
        final TypeSpec.Builder spec = TypeSpec.classBuilder(codec)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(RuntimeTypes.generated())
            .addJavadoc(classJavadoc());
        if (originating != null)
        {
            spec.addOriginatingElement(originating);
        }
        addConstants(spec);
        spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        spec.addMethod(validate());
        spec.addMethod(encode());
        spec.addMethod(encodeValidated());
        spec.addMethod(decode());
        writers.forEach(writer -> writer.readers(spec));
        return JavaFile.builder(type.name().packageName(), spec.build())
            .addFileComment("$L", RuntimeTypes.fileComment(recordName))
            .skipJavaLangImports(true)
            .indent("    ")
            .build();
    }

    private CodeBlock classJavadoc()
    {
        return CodeBlock.builder()
            .add("Fixed-layout codec of {@link $T}: C layout (each field at an offset aligned to its own\n", record)
            .add("alignment, the total padded to the largest alignment), little-endian, zero padding.\n\n")
            .add(LayoutTable.of(type))
            .add("\n<ul>\n")
            .add("  <li>KIND: $L</li>\n", type.kind())
            .add("  <li>capacity: $L slots per lane</li>\n", type.capacity())
            .add("  <li>topology: $L</li>\n", type.topology())
            .add("  <li>encoded length: $L bytes</li>\n", type.encodedLength())
            .add("  <li>layout fingerprint: $L</li>\n", hex(type.fingerprint()))
            .add("</ul>\n\n")
            .add("<p>{@link #encode} validates the value, then writes it straight into the buffer without\n")
            .add("allocating. The static field readers read one field of an encoded value; those of primitive\n")
            .add("and enum fields allocate nothing. {@link #decode} allocates the record.\n")
            .build();
    }

    private void addConstants(final TypeSpec.Builder spec)
    {
        spec.addField(FieldSpec.builder(ByteOrder.class, "BYTE_ORDER", CONSTANT)
            .addJavadoc("Byte order of every field.\n")
            .initializer("$T.LITTLE_ENDIAN", ByteOrder.class)
            .build());
        spec.addField(FieldSpec.builder(int.class, "KIND", CONSTANT)
            .addJavadoc("Ring KIND of {@link $T}.\n", record)
            .initializer("$L", type.kind())
            .build());
        spec.addField(FieldSpec.builder(int.class, "ENCODED_LENGTH", CONSTANT)
            .addJavadoc("Bytes of one encoded value, padding included: the payload length of every frame.\n")
            .initializer("$L", type.encodedLength())
            .build());
        for (final Component component : components)
        {
            final OrbitField field = component.field();
            spec.addField(FieldSpec.builder(int.class, component.offsetName(), CONSTANT)
                .addJavadoc("Offset of {@code $L} ($L, $L bytes).\n", field.name(), field.layout().description(), field.size())
                .initializer("$L", field.offset())
                .build());
        }
        spec.addField(FieldSpec.builder(long.class, "LAYOUT_FINGERPRINT", CONSTANT)
            .addJavadoc("64-bit FNV-1a hash of the layout description\n")
            .addJavadoc("{@code $L};\n", type.fingerprintInput())
            .addJavadoc("stored in the ring's header, so processes that disagree on the layout cannot share the ring.\n")
            .initializer("$L", hex(type.fingerprint()))
            .build());
        spec.addField(FieldSpec.builder(RuntimeTypes.RING_SPEC, "RING_SPEC", CONSTANT)
            .addJavadoc("The ring of {@link $T}: KIND, capacity, payload length, topology, fingerprint.\n", record)
            .initializer("new $T(\n$>KIND, $L, ENCODED_LENGTH, $T.$L, LAYOUT_FINGERPRINT)$<",
                RuntimeTypes.RING_SPEC, type.capacity(), RuntimeTypes.TOPOLOGY, type.topology().name())
            .build());
        spec.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.ORBIT_CODEC, record), "CODEC", CONSTANT)
            .addJavadoc("This codec as the runtime uses it, e.g. in {@code Orbital.of(fleet, CODEC)}.\n")
            .initializer(CodeBlock.builder()
                .add("new $T<>(\n", RuntimeTypes.ORBIT_CODEC)
                .indent()
                .add("$T.class,\nRING_SPEC,\nnew $T(1, LAYOUT_FINGERPRINT, ENCODED_LENGTH),\n", record, RuntimeTypes.RECORD_LAYOUT)
                .add("$T::validate,\n$T::encodeValidated,\n(buffer, offset, length) -> decode(buffer, offset))", codec, codec)
                .unindent()
                .build())
            .build());
        for (final Map.Entry<String, EnumLayout> entry : enums.entrySet())
        {
            final ClassName enumType = TypeNames.of(entry.getValue().type());
            spec.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.ENUM_ORDINALS, enumType),
                    enumOrdinalsNames.get(entry.getKey()), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Constants of {@link $T} by ordinal, to decode its components without allocating.\n", enumType)
                .initializer("$T.of($T.class)", RuntimeTypes.ENUM_ORDINALS, enumType)
                .build());
        }
    }

    private MethodSpec validate()
    {
        final MethodSpec.Builder method = MethodSpec.methodBuilder("validate")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(record, "value", Modifier.FINAL)
            .addJavadoc("Checks that a value can be encoded; {@link #encode} calls it before writing anything.\n\n")
            .addJavadoc("@param value the value.\n")
            .addJavadoc("@throws $T for a null value or component", RuntimeTypes.INVALID_VALUE);
        if (type.fields().stream().anyMatch(field -> field.kind() == LayoutKind.STRING))
        {
            method.addJavadoc(", or a string holding U+0000");
        }
        method.addJavadoc(".\n");
        if (type.fields().stream().anyMatch(field -> field.kind() == LayoutKind.STRING || field.kind() == LayoutKind.ARRAY))
        {
            method.addJavadoc("@throws $T for a string longer than its {@code @Length} in UTF-8 bytes,\n", RuntimeTypes.FRAME_TOO_LARGE)
                .addJavadoc("        or an array whose length is not its {@code @Length}.\n");
        }
        method.beginControlFlow("if (value == null)")
            .addStatement("throw new $T($S)", RuntimeTypes.INVALID_VALUE, "cannot encode a null " + recordName)
            .endControlFlow();
        writers.forEach(writer -> writer.validate(method));
        return method.build();
    }

    private MethodSpec encode()
    {
        return MethodSpec.methodBuilder("encode")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(RuntimeTypes.MUTABLE_DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL)
            .addParameter(record, "value", Modifier.FINAL)
            .addJavadoc("Validates a value, then writes its $L bytes at {@code offset}, padding as zeros.\n", type.encodedLength())
            .addJavadoc("A value that fails validation writes nothing.\n\n")
            .addJavadoc("@param buffer the buffer, e.g. a claimed ring slot.\n")
            .addJavadoc("@param offset where the value starts.\n")
            .addJavadoc("@param value  the value.\n")
            .addJavadoc("@see #validate\n")
            .addStatement("validate(value)")
            .addStatement("encodeValidated(buffer, offset, value)")
            .build();
    }

    private MethodSpec encodeValidated()
    {
        final MethodSpec.Builder method = MethodSpec.methodBuilder("encodeValidated")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(RuntimeTypes.MUTABLE_DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL)
            .addParameter(record, "value", Modifier.FINAL)
            .addJavadoc("Writes the $L bytes of a value that {@link #validate} accepted, padding as zeros.\n", type.encodedLength())
            .addJavadoc("The runtime validates before it claims a slot and then calls this, so a store checks once;\n")
            .addJavadoc("an unchecked value may be written in part before it fails.\n\n")
            .addJavadoc("@param buffer the buffer, e.g. a claimed ring slot.\n")
            .addJavadoc("@param offset where the value starts.\n")
            .addJavadoc("@param value  a validated value.\n");
        long end = 0;
        for (int i = 0; i < components.size(); i++)
        {
            final OrbitField field = components.get(i).field();
            zeroPadding(method, end, field.offset(), "before " + field.name());
            writers.get(i).encode(method);
            end = field.end();
        }
        zeroPadding(method, end, type.encodedLength(), "at the end");
        return method.build();
    }

    private void zeroPadding(final MethodSpec.Builder method, final long from, final long to, final String where)
    {
        if (to > from)
        {
            method.addComment("$L padding byte$L $L", to - from, to - from == 1 ? "" : "s", where);
            method.addStatement("buffer.setMemory(offset + $L, $L, (byte)0)", from, to - from);
        }
    }

    private MethodSpec decode()
    {
        final CodeBlock.Builder arguments = CodeBlock.builder();
        final boolean multiline = type.fields().size() > 2;
        for (int i = 0; i < type.fields().size(); i++)
        {
            arguments.add(multiline ? "\n" : (i == 0 ? "" : " "));
            arguments.add("$L(buffer, offset)$L", components.get(i).readerName(), i + 1 < type.fields().size() ? "," : "");
        }
        final CodeBlock construct = multiline
            ? CodeBlock.builder().add("return new $T(", record).add(arguments.build()).add(")").build()
            : CodeBlock.of("return new $T($L)", record, arguments.build());
        return MethodSpec.methodBuilder("decode")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(record)
            .addParameter(RuntimeTypes.DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL)
            .addJavadoc("Reads a value back; allocates the record (and its strings, arrays and nested records).\n\n")
            .addJavadoc("@param buffer holds the encoded value.\n")
            .addJavadoc("@param offset where it starts.\n")
            .addJavadoc("@return the value.\n")
            .addStatement(construct)
            .build();
    }

    static String hex(final long value)
    {
        return String.format(Locale.ROOT, "0x%016xL", value);
    }
}
