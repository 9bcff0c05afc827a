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
        for (final String fixed : new String[] {"BYTE_ORDER", "KIND", "ENCODED_LENGTH", "LAYOUT_VERSION", "PAYLOAD_CAPACITY",
            "LAYOUT_FINGERPRINT", "LAYOUT", "RING_SPEC", "CODEC"})
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

        // Readers are named after their component, presence checks hasX; decode is taken by the codec.
        final NameAllocator methods = new NameAllocator();
        methods.newName("decode", "decode");
        for (final OrbitField field : type.fields())
        {
            methods.newName(field.name(), field);
        }
        for (final OrbitField field : type.fields())
        {
            final String presence = field.versioned()
                ? methods.newName("has" + Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1), "has " + field.name())
                : null;
            final Component component = new Component(field, offsetNames.get(field), methods.get(field), presence, recordName);
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
        spec.addMethod(decodeWithLength());
        spec.addMethod(decode());
        spec.addMethod(defaultValue());
        for (int i = 0; i < components.size(); i++)
        {
            writers.get(i).readers(spec);
            if (components.get(i).field().versioned())
            {
                spec.addMethod(presence(components.get(i)));
                spec.addMethod(versionedReader(components.get(i), writers.get(i)));
            }
        }
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
            .add("  <li>layout version: $L</li>\n", type.layoutVersion())
            .add("  <li>encoded length: $L bytes (version 1: $L bytes)</li>\n", type.encodedLength(), type.versionOneLength())
            .add("  <li>payload capacity: $L bytes$L</li>\n", type.payloadCapacity(),
                type.payloadCapacityDeclared() ? "" : " (the default: the room a slot has for version 1)")
            .add("  <li>base layout fingerprint: $L</li>\n", hex(type.fingerprint()))
            .add("</ul>\n\n")
            .add("<p>{@link #encode} validates the value, then writes it straight into the buffer without\n")
            .add("allocating. The static field readers read one field of an encoded value; those of primitive\n")
            .add("and enum fields allocate nothing. {@link #decode} allocates the record.\n\n")
            .add("<p>Versions: processes built with any version of $L share its ring. A frame is as long as\n", type.name().simpleName())
            .add("the {@code ENCODED_LENGTH} of the version that wrote it; this codec reads a newer frame by the\n")
            .add("prefix it knows, and {@link #decode(DirectBuffer, int, int)} gives a component an older frame\n")
            .add("lacks its default: 0 for numbers, {@code false}, {@code '\\0'}, {@code \"\"}, a zeroed array of its\n")
            .add("{@code @Length}, the enum constant of ordinal 0, a nested record of defaults. Components added\n")
            .add("after version 1 have a presence check {@code hasX(length)} and a reader {@code x(buffer, offset, length)}.\n")
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
            .addJavadoc("Bytes of one encoded value of this version, padding included: the payload length of every\n")
            .addJavadoc("frame this codec writes.\n")
            .initializer("$L", type.encodedLength())
            .build());
        spec.addField(FieldSpec.builder(int.class, "LAYOUT_VERSION", CONSTANT)
            .addJavadoc("Layout version of this build of {@link $T}: the highest {@code @Since} of its components, 1 if none.\n", record)
            .initializer("$L", type.layoutVersion())
            .build());
        spec.addField(FieldSpec.builder(int.class, "PAYLOAD_CAPACITY", CONSTANT)
            .addJavadoc("Payload bytes of each slot of the ring, the same for every version:\n$L.\n", type.payloadCapacityDeclared()
                ? CodeBlock.of("{@code @OrbitTyped(payloadCapacity)}")
                : CodeBlock.of("the default, {@code roundUp(32 + $L, 64) - 32} for the $L bytes of version 1",
                    type.versionOneLength(), type.versionOneLength()))
            .initializer("$L", type.payloadCapacity())
            .build());
        for (final Component component : components)
        {
            final OrbitField field = component.field();
            spec.addField(FieldSpec.builder(int.class, component.offsetName(), CONSTANT)
                .addJavadoc("Offset of {@code $L} ($L, $L bytes$L).\n", field.name(), field.layout().description(), field.size(),
                    field.versioned() ? ", since version " + field.since() : "")
                .initializer("$L", field.offset())
                .build());
        }
        spec.addField(FieldSpec.builder(long.class, "LAYOUT_FINGERPRINT", CONSTANT)
            .addJavadoc("Base layout fingerprint: 64-bit FNV-1a hash of the version-1 components' descriptions\n")
            .addJavadoc("{@code $L} (no names, so renaming is free);\n", type.fingerprintInput())
            .addJavadoc("stored in the ring's header, so processes that disagree on version 1 cannot share the ring.\n")
            .initializer("$L", hex(type.fingerprint()))
            .build());
        final CodeBlock.Builder descriptors = CodeBlock.builder();
        for (final OrbitField field : type.fields())
        {
            descriptors.add(",\n$S", field.descriptor());
        }
        spec.addField(FieldSpec.builder(RuntimeTypes.RECORD_LAYOUT, "LAYOUT", CONSTANT)
            .addJavadoc("Every component as {@code name:signature:offset:size@since}: the runtime compares them with the\n")
            .addJavadoc("ring's header to name the first differing component when a process of another layout attaches.\n")
            .initializer(CodeBlock.builder()
                .add("new $T(\n", RuntimeTypes.RECORD_LAYOUT)
                .indent()
                .add("LAYOUT_VERSION,\nLAYOUT_FINGERPRINT,\nENCODED_LENGTH")
                .add(descriptors.build())
                .add(")")
                .unindent()
                .build())
            .build());
        spec.addField(FieldSpec.builder(RuntimeTypes.RING_SPEC, "RING_SPEC", CONSTANT)
            .addJavadoc("The ring of {@link $T}: KIND, capacity, payload capacity, topology, base fingerprint.\n", record)
            .initializer("new $T(\n$>KIND, $L, PAYLOAD_CAPACITY, $T.$L, LAYOUT_FINGERPRINT)$<",
                RuntimeTypes.RING_SPEC, type.capacity(), RuntimeTypes.TOPOLOGY, type.topology().name())
            .build());
        spec.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.ORBIT_CODEC, record), "CODEC", CONSTANT)
            .addJavadoc("This codec as the runtime uses it, e.g. in {@code Orbital.of(fleet, CODEC)}.\n")
            .initializer(CodeBlock.builder()
                .add("new $T<>(\n", RuntimeTypes.ORBIT_CODEC)
                .indent()
                .add("$T.class,\nRING_SPEC,\nLAYOUT,\n", record)
                .add("$T::validate,\n$T::encodeValidated,\n$T::decode)", codec, codec, codec)
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

    private MethodSpec decodeWithLength()
    {
        final CodeBlock.Builder arguments = CodeBlock.builder();
        final boolean multiline = type.fields().size() > 2;
        for (int i = 0; i < type.fields().size(); i++)
        {
            final Component component = components.get(i);
            arguments.add(multiline ? "\n" : (i == 0 ? "" : " "));
            arguments.add("$L(buffer, offset$L)$L", component.readerName(), component.field().versioned() ? ", length" : "",
                i + 1 < type.fields().size() ? "," : "");
        }
        final MethodSpec.Builder method = MethodSpec.methodBuilder("decode")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(record)
            .addParameter(RuntimeTypes.DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL)
            .addParameter(int.class, "length", Modifier.FINAL)
            .addJavadoc("Reads a frame of any version back; allocates the record (and its strings, arrays and nested records).\n")
            .addJavadoc(type.layoutVersion() > 1
                ? "A component that ends beyond {@code length} (the frame was written by an older version) gets its default.\n\n"
                : "Every component is in version 1, which every frame holds, so {@code length} is not consulted;\n"
                    + "a frame of a newer version is read by this prefix.\n\n")
            .addJavadoc("@param buffer holds the encoded value.\n")
            .addJavadoc("@param offset where it starts.\n")
            .addJavadoc("@param length the frame's payload length: {@code ENCODED_LENGTH} of the version that wrote it.\n")
            .addJavadoc("@return the value.\n");
        if (multiline)
        {
            return method.addStatement(CodeBlock.builder().add("return new $T(", record).add(arguments.build()).add(")").build()).build();
        }
        return method.addStatement("return new $T($L)", record, arguments.build()).build();
    }

    private MethodSpec decode()
    {
        return MethodSpec.methodBuilder("decode")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(record)
            .addParameter(RuntimeTypes.DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL)
            .addJavadoc("Reads a value of this version back; allocates the record (and its strings, arrays and nested records).\n\n")
            .addJavadoc("@param buffer holds the encoded value.\n")
            .addJavadoc("@param offset where it starts.\n")
            .addJavadoc("@return the value.\n")
            .addJavadoc("@see #decode(DirectBuffer, int, int)\n")
            .addStatement("return decode(buffer, offset, ENCODED_LENGTH)")
            .build();
    }

    private MethodSpec defaultValue()
    {
        final CodeBlock.Builder arguments = CodeBlock.builder();
        for (int i = 0; i < writers.size(); i++)
        {
            arguments.add(i == 0 ? "$L" : ", $L", writers.get(i).defaultValue());
        }
        return MethodSpec.methodBuilder("defaultValue")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(record)
            .addJavadoc("The value whose every component has its default, as a frame that lacks them decodes it.\n\n")
            .addJavadoc("@return a new value of defaults.\n")
            .addStatement("return new $T($L)", record, arguments.build())
            .build();
    }

    private MethodSpec presence(final Component component)
    {
        final OrbitField field = component.field();
        return MethodSpec.methodBuilder(component.presenceName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(boolean.class)
            .addParameter(int.class, "length", Modifier.FINAL)
            .addJavadoc("Whether a frame holds {@code $L}, added in version $L; allocates nothing.\n\n", field.name(), field.since())
            .addJavadoc("@param length the frame's payload length, e.g. {@code view.payloadLength()}.\n")
            .addJavadoc("@return true when the frame was written by version $L or later.\n", field.since())
            .addStatement("return length >= $L + $L", component.offsetName(), field.size())
            .build();
    }

    private MethodSpec versionedReader(final Component component, final ComponentWriter writer)
    {
        final OrbitField field = component.field();
        return MethodSpec.methodBuilder(component.readerName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(writer.valueType())
            .addParameter(RuntimeTypes.DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL)
            .addParameter(int.class, "length", Modifier.FINAL)
            .addJavadoc("Reads {@code $L} of a frame of any version; $L.\n\n", field.name(), writer.readerCost())
            .addJavadoc("@param buffer holds the encoded value, e.g. {@code view.payload()}.\n")
            .addJavadoc("@param offset where the value starts, 0 in a frame view.\n")
            .addJavadoc("@param length the frame's payload length, e.g. {@code view.payloadLength()}.\n")
            .addJavadoc("@return the field, or $L when the frame was written by a version before $L.\n",
                javadocCode(writer.defaultValue()), field.since())
            .addStatement("return $L(length) ? $L(buffer, offset) : $L", component.presenceName(), component.readerName(),
                writer.defaultValue())
            .build();
    }

    private static String javadocCode(final CodeBlock code)
    {
        return "{@code " + code + "}";
    }

    static String hex(final long value)
    {
        return String.format(Locale.ROOT, "0x%016xL", value);
    }
}
