package io.orbit.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.orbit.processor.model.ArrayLayout;
import io.orbit.processor.model.EnumLayout;
import io.orbit.processor.model.LayoutKind;
import io.orbit.processor.model.Names;
import io.orbit.processor.model.OrbitField;
import io.orbit.processor.model.OrbitType;
import io.orbit.processor.model.Primitive;
import io.orbit.processor.model.PrimitiveLayout;
import io.orbit.processor.model.RecordLayout;
import io.orbit.processor.model.StringLayout;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XCodec}: the layout constants, the ring spec, the runtime codec, and static
 * {@code validate}, {@code encode}, {@code decode} and field readers.
 *
 * <p>Every encode path writes straight into the buffer: strings go through a private UTF-8 writer
 * because Agrona's {@code putStringWithoutLengthUtf8} allocates a byte array per call.
 */
public final class CodecWriter
{
    private static final Modifier[] CONSTANT = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};

    private final OrbitType type;
    private final ClassName record;
    private final ClassName codec;
    private final String recordName;
    private final Map<OrbitField, String> offsetNames = new LinkedHashMap<>();
    private final Map<OrbitField, String> readerNames = new LinkedHashMap<>();
    private final Map<String, String> enumValuesNames = new LinkedHashMap<>();
    private final Map<String, String> enumLookupNames = new LinkedHashMap<>();
    private final Map<String, EnumLayout> enums = new LinkedHashMap<>();
    private final boolean hasStrings;
    private final String utf8Length;
    private final String putUtf8;
    private final String getUtf8;

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
        for (final OrbitField field : type.fields())
        {
            offsetNames.put(field, constants.newName(Names.upperSnake(field.name()) + "_OFFSET", field));
            if (field.layout() instanceof EnumLayout enumLayout)
            {
                enums.putIfAbsent(enumLayout.type().qualifiedName(), enumLayout);
            }
        }

        // Readers are named after their component and come first, so private helpers yield to them;
        // only decode(DirectBuffer, int) is taken, by the codec itself.
        final NameAllocator methods = new NameAllocator();
        methods.newName("decode", "decode");
        for (final OrbitField field : type.fields())
        {
            readerNames.put(field, methods.newName(field.name(), field));
        }
        for (final Map.Entry<String, EnumLayout> entry : enums.entrySet())
        {
            final String simple = entry.getValue().type().simpleName();
            enumValuesNames.put(entry.getKey(), constants.newName(Names.upperSnake(simple) + "_VALUES", entry.getKey()));
            final String lookup = Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "Of";
            enumLookupNames.put(entry.getKey(), methods.newName(lookup, entry.getKey() + "#lookup"));
        }
        this.hasStrings = type.fields().stream().anyMatch(field -> field.kind() == LayoutKind.STRING);
        this.utf8Length = methods.newName("utf8Length", "#utf8Length");
        this.putUtf8 = methods.newName("putUtf8", "#putUtf8");
        this.getUtf8 = methods.newName("getUtf8", "#getUtf8");
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
        for (final OrbitField field : type.fields())
        {
            addReaders(spec, field);
        }
        for (final String enumName : enums.keySet())
        {
            spec.addMethod(enumLookup(enumName));
        }
        if (hasStrings)
        {
            spec.addMethod(utf8LengthMethod());
            spec.addMethod(putUtf8Method());
            spec.addMethod(getUtf8Method());
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
        for (final OrbitField field : type.fields())
        {
            spec.addField(FieldSpec.builder(int.class, offsetNames.get(field), CONSTANT)
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
                .add("$T.class,\nRING_SPEC,\nENCODED_LENGTH,\n", record)
                .add("$T::validate,\n$T::encodeValidated,\n$T::decode)", codec, codec, codec)
                .unindent()
                .build())
            .build());
        for (final Map.Entry<String, EnumLayout> entry : enums.entrySet())
        {
            final ClassName enumType = TypeNames.of(entry.getValue().type());
            spec.addField(FieldSpec.builder(ArrayTypeName.of(enumType), enumValuesNames.get(entry.getKey()),
                    Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Constants of {@link $T} by ordinal, cached: {@code values()} copies the array.\n", enumType)
                .initializer("$T.values()", enumType)
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
        if (hasStrings)
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
        for (final OrbitField field : type.fields())
        {
            if (field.kind() == LayoutKind.PRIMITIVE)
            {
                continue;
            }
            final String where = recordName + "." + field.name();
            final CodeBlock get = CodeBlock.of("value.$L()", field.name());
            method.beginControlFlow("if ($L == null)", get)
                .addStatement("throw new $T($S)", RuntimeTypes.INVALID_VALUE, where + " is null")
                .endControlFlow();
            if (field.layout() instanceof StringLayout string)
            {
                method.beginControlFlow("if ($L.indexOf(0) >= 0)", get)
                    .addStatement("throw new $T($S)", RuntimeTypes.INVALID_VALUE,
                        where + " holds U+0000, which the zero padding cannot represent")
                    .endControlFlow()
                    .beginControlFlow("if ($L($L) > $L)", utf8Length, get, string.length())
                    .addStatement("throw new $T($S$W+ $L($L)$W+ $S)", RuntimeTypes.FRAME_TOO_LARGE,
                        where + " takes ", utf8Length, get, " UTF-8 bytes, more than its @Length(" + string.length() + ")")
                    .endControlFlow();
            }
            else if (field.layout() instanceof ArrayLayout array)
            {
                method.beginControlFlow("if ($L.length != $L)", get, array.length())
                    .addStatement("throw new $T($S$W+ $L.length$W+ $S)", RuntimeTypes.FRAME_TOO_LARGE,
                        where + " has ", get, " elements, but its @Length is " + array.length())
                    .endControlFlow();
            }
            else if (field.layout() instanceof RecordLayout nested)
            {
                method.addStatement("$T.validate($L)", TypeNames.of(nested.type().codecName()), get);
            }
        }
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
        for (final OrbitField field : type.fields())
        {
            zeroPadding(method, end, field.offset(), "before " + field.name());
            encodeField(method, field);
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

    private void encodeField(final MethodSpec.Builder method, final OrbitField field)
    {
        final CodeBlock index = CodeBlock.of("offset + $L", offsetNames.get(field));
        final CodeBlock get = CodeBlock.of("value.$L()", field.name());
        if (field.layout() instanceof PrimitiveLayout primitive)
        {
            method.addStatement(BufferAccess.write(primitive.primitive(), index, get));
        }
        else if (field.layout() instanceof EnumLayout enumLayout)
        {
            final CodeBlock ordinal = CodeBlock.of("$L.ordinal()", get);
            switch (enumLayout.width())
            {
                case 1 -> method.addStatement("buffer.putByte($L, (byte)$L)", index, ordinal);
                case 2 -> method.addStatement("buffer.putShort($L, (short)$L, BYTE_ORDER)", index, ordinal);
                default -> method.addStatement("buffer.putInt($L, $L, BYTE_ORDER)", index, ordinal);
            }
        }
        else if (field.layout() instanceof StringLayout string)
        {
            method.addStatement("$L(buffer, $L, $L, $L)", putUtf8, index, get, string.length());
        }
        else if (field.layout() instanceof ArrayLayout array)
        {
            if (array.element() == Primitive.BYTE)
            {
                method.addStatement("buffer.putBytes($L, $L)", index, get);
            }
            else
            {
                method.beginControlFlow("for (int i = 0; i < $L; i++)", array.length())
                    .addStatement(BufferAccess.write(array.element(), elementIndex(index, array.element()),
                        CodeBlock.of("$L[i]", get)))
                    .endControlFlow();
            }
        }
        else
        {
            final RecordLayout nested = (RecordLayout)field.layout();
            method.addStatement("$T.encodeValidated(buffer, $L, $L)", TypeNames.of(nested.type().codecName()), index, get);
        }
    }

    private MethodSpec decode()
    {
        final CodeBlock.Builder arguments = CodeBlock.builder();
        final boolean multiline = type.fields().size() > 2;
        for (int i = 0; i < type.fields().size(); i++)
        {
            arguments.add(multiline ? "\n" : (i == 0 ? "" : " "));
            arguments.add("$L(buffer, offset)$L", readerNames.get(type.fields().get(i)), i + 1 < type.fields().size() ? "," : "");
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

    private void addReaders(final TypeSpec.Builder spec, final OrbitField field)
    {
        final String name = readerNames.get(field);
        final CodeBlock index = CodeBlock.of("offset + $L", offsetNames.get(field));
        final MethodSpec.Builder reader = MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(TypeNames.of(field.layout()))
            .addParameter(RuntimeTypes.DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL);
        if (field.layout() instanceof PrimitiveLayout primitive)
        {
            spec.addMethod(readerJavadoc(reader, field, "allocates nothing")
                .addStatement("return $L", BufferAccess.read(primitive.primitive(), index))
                .build());
        }
        else if (field.layout() instanceof EnumLayout enumLayout)
        {
            final CodeBlock ordinal = switch (enumLayout.width())
            {
                case 1 -> CodeBlock.of("buffer.getByte($L) & 0xFF", index);
                case 2 -> CodeBlock.of("buffer.getShort($L, BYTE_ORDER) & 0xFFFF", index);
                default -> CodeBlock.of("buffer.getInt($L, BYTE_ORDER)", index);
            };
            spec.addMethod(readerJavadoc(reader, field, "allocates nothing")
                .addJavadoc("@throws $T when the ordinal names no constant (a corrupt or foreign frame).\n", RuntimeTypes.ORBIT_EXCEPTION)
                .addStatement("return $L($L)", enumLookupNames.get(enumLayout.type().qualifiedName()), ordinal)
                .build());
        }
        else if (field.layout() instanceof StringLayout string)
        {
            spec.addMethod(readerJavadoc(reader, field, "allocates the string, which ends at the first zero byte")
                .addStatement("return $L(buffer, $L, $L)", getUtf8, index, string.length())
                .build());
        }
        else if (field.layout() instanceof ArrayLayout array)
        {
            spec.addMethod(arrayReader(reader, field, array, index));
            spec.addMethod(elementReader(name, field, array, index));
        }
        else
        {
            final RecordLayout nested = (RecordLayout)field.layout();
            spec.addMethod(readerJavadoc(reader, field, "allocates the nested record")
                .addStatement("return $T.decode(buffer, $L)", TypeNames.of(nested.type().codecName()), index)
                .build());
        }
    }

    private static MethodSpec.Builder readerJavadoc(final MethodSpec.Builder reader, final OrbitField field, final String cost)
    {
        return reader
            .addJavadoc("Reads {@code $L} of an encoded value; $L.\n\n", field.name(), cost)
            .addJavadoc("@param buffer holds the encoded value, e.g. {@code view.payload()}.\n")
            .addJavadoc("@param offset where the value starts, 0 in a frame view.\n")
            .addJavadoc("@return the field.\n");
    }

    private MethodSpec arrayReader(
        final MethodSpec.Builder reader, final OrbitField field, final ArrayLayout array, final CodeBlock index)
    {
        readerJavadoc(reader, field, "allocates the array");
        final TypeName arrayType = ArrayTypeName.of(TypeNames.of(array.element()));
        reader.addStatement("final $T values = new $T[$L]", arrayType, TypeNames.of(array.element()), array.length());
        if (array.element() == Primitive.BYTE)
        {
            reader.addStatement("buffer.getBytes($L, values)", index);
        }
        else
        {
            reader.beginControlFlow("for (int i = 0; i < $L; i++)", array.length())
                .addStatement("values[i] = $L", BufferAccess.read(array.element(), elementIndex(index, array.element())))
                .endControlFlow();
        }
        return reader.addStatement("return values").build();
    }

    private MethodSpec elementReader(final String name, final OrbitField field, final ArrayLayout array, final CodeBlock index)
    {
        final CodeBlock element = array.element().size() == 1
            ? CodeBlock.of("$L + $T.checkIndex(index, $L)", index, Objects.class, array.length())
            : CodeBlock.of("$L + $T.checkIndex(index, $L) * $L", index, Objects.class, array.length(), array.element().size());
        return MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(TypeNames.of(array.element()))
            .addParameter(RuntimeTypes.DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL)
            .addParameter(int.class, "index", Modifier.FINAL)
            .addJavadoc("Reads one element of {@code $L} of an encoded value; allocates nothing.\n\n", field.name())
            .addJavadoc("@param buffer holds the encoded value, e.g. {@code view.payload()}.\n")
            .addJavadoc("@param offset where the value starts, 0 in a frame view.\n")
            .addJavadoc("@param index  element index, {@code 0..$L}.\n", array.length() - 1)
            .addJavadoc("@return the element.\n")
            .addJavadoc("@throws IndexOutOfBoundsException for an index outside the array.\n")
            .addStatement("return $L", BufferAccess.read(array.element(), element))
            .build();
    }

    private MethodSpec enumLookup(final String enumName)
    {
        final EnumLayout enumLayout = enums.get(enumName);
        final ClassName enumType = TypeNames.of(enumLayout.type());
        final String values = enumValuesNames.get(enumName);
        return MethodSpec.methodBuilder(enumLookupNames.get(enumName))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(enumType)
            .addParameter(int.class, "ordinal", Modifier.FINAL)
            .addJavadoc("Maps a decoded ordinal to its constant; a frame from a writer with more constants fails clearly.\n")
            .beginControlFlow("if (ordinal < 0 || ordinal >= $L.length)", values)
            .addStatement("throw new $T($S + ordinal$W+ $S$W+ $L.length + $S)", RuntimeTypes.ORBIT_EXCEPTION,
                "ordinal ", " is not a constant of " + enumLayout.type().qualifiedName() + ", which has ", values, " constants")
            .endControlFlow()
            .addStatement("return $L[ordinal]", values)
            .build();
    }

    private MethodSpec utf8LengthMethod()
    {
        return MethodSpec.methodBuilder(utf8Length)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(int.class)
            .addParameter(String.class, "value", Modifier.FINAL)
            .addJavadoc("UTF-8 bytes of a string as {@code $L} writes them, counted without allocating;\n", putUtf8)
            .addJavadoc("a lone surrogate counts one byte, like the {@code '?'} that {@code String.getBytes} writes.\n")
            .addStatement("int length = 0")
            .beginControlFlow("for (int i = 0; i < value.length(); i++)")
            .addStatement("final char c = value.charAt(i)")
            .beginControlFlow("if (c < 0x80)")
            .addStatement("length += 1")
            .nextControlFlow("else if (c < 0x800)")
            .addStatement("length += 2")
            .nextControlFlow("else if ($T.isHighSurrogate(c) && i + 1 < value.length()$W&& $T.isLowSurrogate(value.charAt(i + 1)))",
                Character.class, Character.class)
            .addStatement("length += 4")
            .addStatement("i++")
            .nextControlFlow("else if ($T.isSurrogate(c))", Character.class)
            .addStatement("length += 1")
            .nextControlFlow("else")
            .addStatement("length += 3")
            .endControlFlow()
            .endControlFlow()
            .addStatement("return length")
            .build();
    }

    private MethodSpec putUtf8Method()
    {
        return MethodSpec.methodBuilder(putUtf8)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(RuntimeTypes.MUTABLE_DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "index", Modifier.FINAL)
            .addParameter(String.class, "value", Modifier.FINAL)
            .addParameter(int.class, "length", Modifier.FINAL)
            .addJavadoc("Writes a validated string as UTF-8 and zero-pads it to {@code length} bytes, without allocating.\n")
            .addStatement("int position = index")
            .beginControlFlow("for (int i = 0; i < value.length(); i++)")
            .addStatement("final char c = value.charAt(i)")
            .beginControlFlow("if (c < 0x80)")
            .addStatement("buffer.putByte(position++, (byte)c)")
            .nextControlFlow("else if (c < 0x800)")
            .addStatement("buffer.putByte(position++, (byte)(0xC0 | (c >> 6)))")
            .addStatement("buffer.putByte(position++, (byte)(0x80 | (c & 0x3F)))")
            .nextControlFlow("else if ($T.isHighSurrogate(c) && i + 1 < value.length()$W&& $T.isLowSurrogate(value.charAt(i + 1)))",
                Character.class, Character.class)
            .addStatement("final int codePoint = $T.toCodePoint(c, value.charAt(++i))", Character.class)
            .addStatement("buffer.putByte(position++, (byte)(0xF0 | (codePoint >> 18)))")
            .addStatement("buffer.putByte(position++, (byte)(0x80 | ((codePoint >> 12) & 0x3F)))")
            .addStatement("buffer.putByte(position++, (byte)(0x80 | ((codePoint >> 6) & 0x3F)))")
            .addStatement("buffer.putByte(position++, (byte)(0x80 | (codePoint & 0x3F)))")
            .nextControlFlow("else if ($T.isSurrogate(c))", Character.class)
            .addStatement("buffer.putByte(position++, (byte)'?')")
            .nextControlFlow("else")
            .addStatement("buffer.putByte(position++, (byte)(0xE0 | (c >> 12)))")
            .addStatement("buffer.putByte(position++, (byte)(0x80 | ((c >> 6) & 0x3F)))")
            .addStatement("buffer.putByte(position++, (byte)(0x80 | (c & 0x3F)))")
            .endControlFlow()
            .endControlFlow()
            .addStatement("buffer.setMemory(position, index + length - position, (byte)0)")
            .build();
    }

    private MethodSpec getUtf8Method()
    {
        return MethodSpec.methodBuilder(getUtf8)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(String.class)
            .addParameter(RuntimeTypes.DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "index", Modifier.FINAL)
            .addParameter(int.class, "length", Modifier.FINAL)
            .addJavadoc("Reads a zero-padded UTF-8 string of at most {@code length} bytes.\n")
            .addStatement("int end = 0")
            .beginControlFlow("while (end < length && buffer.getByte(index + end) != 0)")
            .addStatement("end++")
            .endControlFlow()
            .addStatement("return buffer.getStringWithoutLengthUtf8(index, end)")
            .build();
    }

    private static CodeBlock elementIndex(final CodeBlock index, final Primitive element)
    {
        return element.size() == 1 ? CodeBlock.of("$L + i", index) : CodeBlock.of("$L + i * $L", index, element.size());
    }

    static String hex(final long value)
    {
        return String.format(Locale.ROOT, "0x%016xL", value);
    }
}
