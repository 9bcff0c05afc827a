package io.orbit.cli;

import io.orbit.runtime.codec.OrbitCodec;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The generated codecs on the class path, by ring KIND. Found through the processor's claim classes
 * ({@code orbit_kinds/K012_...}): a claim's {@code @KindClaim(type = ...)} names the record, whose
 * generated {@code XCodec.CODEC} decodes its frames. The annotation has class retention, so the type
 * name is read from the claim's constant pool rather than by reflection.
 */
final class Codecs
{
    private static final String PACKAGE = "orbit_kinds";

    private final Map<Integer, OrbitCodec<?>> byKind = new HashMap<>();

    private Codecs()
    {
    }

    static Codecs onClassPath(final ClassLoader loader)
    {
        final Codecs codecs = new Codecs();
        try
        {
            final Enumeration<URL> roots = loader.getResources(PACKAGE);
            while (roots.hasMoreElements())
            {
                for (final byte[] claim : claimClasses(roots.nextElement()))
                {
                    for (final String name : utf8Constants(claim))
                    {
                        codecs.register(loader, name);
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            // An unreadable class path entry only means fewer records are decoded.
        }
        return codecs;
    }

    /**
     * @param kind a ring KIND.
     * @return its codec, or null when none is on the class path.
     */
    OrbitCodec<?> forKind(final int kind)
    {
        return byKind.get(kind);
    }

    private void register(final ClassLoader loader, final String typeName)
    {
        if (!typeName.contains(".") || typeName.startsWith("io.orbit.runtime.") || typeName.startsWith("io.orbit.annotations."))
        {
            return;
        }
        final int dot = typeName.lastIndexOf('.');
        final String simple = typeName.substring(typeName.lastIndexOf('$') > dot ? typeName.lastIndexOf('$') + 1 : dot + 1);
        try
        {
            final Class<?> codec = Class.forName(typeName.substring(0, dot + 1) + simple + "Codec", true, loader);
            if (codec.getField("CODEC").get(null) instanceof OrbitCodec<?> found)
            {
                byKind.putIfAbsent(found.ringSpec().kind(), found);
            }
        }
        catch (final ReflectiveOperationException | LinkageError | RuntimeException ex)
        {
            // Not a codec's record (or its codec is not loadable here): frames of that KIND stay raw.
        }
    }

    private static List<byte[]> claimClasses(final URL root) throws IOException
    {
        final List<byte[]> classes = new ArrayList<>();
        if ("jar".equals(root.getProtocol()))
        {
            final JarURLConnection connection = (JarURLConnection)root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile())
            {
                final Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements())
                {
                    final JarEntry entry = entries.nextElement();
                    if (isClaim(entry.getName()))
                    {
                        try (InputStream in = jar.getInputStream(entry))
                        {
                            classes.add(in.readAllBytes());
                        }
                    }
                }
            }
        }
        else if ("file".equals(root.getProtocol()))
        {
            try (Stream<Path> files = Files.list(Path.of(java.net.URI.create(root.toString()))))
            {
                for (final Path file : files.toList())
                {
                    if (isClaim(PACKAGE + "/" + file.getFileName()))
                    {
                        classes.add(Files.readAllBytes(file));
                    }
                }
            }
        }
        return classes;
    }

    private static boolean isClaim(final String entry)
    {
        return entry.startsWith(PACKAGE + "/K") && entry.endsWith(".class") && entry.indexOf('/', PACKAGE.length() + 1) < 0;
    }

    /** The CONSTANT_Utf8 entries of a class file (JVMS §4.4). */
    private static List<String> utf8Constants(final byte[] classFile) throws IOException
    {
        final List<String> strings = new ArrayList<>();
        final DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        final int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++)
        {
            final int tag = in.readUnsignedByte();
            switch (tag)
            {
                case 1 -> strings.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 ->
                {
                    in.skipBytes(8);
                    i++; // long and double take two entries
                }
                default ->
                {
                    return strings;
                }
            }
        }
        return strings;
    }
}
