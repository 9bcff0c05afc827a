package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.segment.ProcessIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The segments orbit-rs (era C, layout VERSION 3) made through its public API, kept as test
 * resources under {@code orbit-rs-golden/} with its own reads ({@code *.expected.txt}) and
 * {@code MANIFEST.json}. Installing one writes it as {@code orbit-<fleet>-<kind>-<uid>}, owned by this
 * uid with mode 0600 and its exact size, as orbit-rs leaves it in /dev/shm.
 */
final class GoldenSegments
{
    private static final String ROOT = "/orbit-rs-golden/";

    private GoldenSegments()
    {
    }

    /**
     * @param name resource file name.
     * @return its bytes.
     */
    static byte[] bytes(final String name)
    {
        try (InputStream in = GoldenSegments.class.getResourceAsStream(ROOT + name))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing test resource " + ROOT + name);
            }
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param name resource file name.
     * @return its lines.
     */
    static List<String> lines(final String name)
    {
        return new String(bytes(name), StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * @param name resource file name of a segment.
     * @param dir  the fleet's shm directory.
     * @param fleet fleet name.
     * @param kind ring KIND.
     * @return the installed file.
     */
    static Path install(final String name, final Path dir, final String fleet, final int kind)
    {
        final Path file = dir.resolve("orbit-" + fleet + "-" + kind + "-" + ProcessIdentity.uid());
        try
        {
            Files.write(file, bytes(name));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The line orbit-rs's reader printed for a frame.
     *
     * @param frame the frame.
     * @return {@code FRAME lane= id= fk= ver= len= payload=}.
     */
    static String frameLine(final FrameView frame)
    {
        final byte[] payload = new byte[frame.payloadLength()];
        frame.payload().getBytes(0, payload);
        return "FRAME lane=" + frame.lane() + " id=" + NetId64.toString(frame.id()) + " fk=" + frame.frameKind()
            + " ver=" + frame.version() + " len=" + payload.length + " payload=" + new String(payload, StandardCharsets.US_ASCII);
    }
}
