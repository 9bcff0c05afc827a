package io.orbit.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Human-readable sizes, ages and payload previews.
 */
final class Text
{
    private Text()
    {
    }

    static String bytes(final long bytes)
    {
        if (bytes < 1024)
        {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024)
        {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }

    static String age(final Duration age)
    {
        final long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120)
        {
            return seconds + "s";
        }
        if (seconds < 7200)
        {
            return seconds / 60 + "m";
        }
        return seconds / 3600 + "h";
    }

    /**
     * @return the bytes as UTF-8 text when they are printable, else as hex (at most {@code limit} bytes shown).
     */
    static String preview(final byte[] bytes, final int limit)
    {
        final int shown = Math.min(bytes.length, limit);
        boolean printable = true;
        final String text = new String(bytes, 0, shown, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length() && printable; i++)
        {
            final char c = text.charAt(i);
            printable = c >= 0x20 && c != 0x7F && c != '\uFFFD' || c == '\t';
        }
        final String suffix = bytes.length > shown ? "..." : "";
        if (printable && shown > 0)
        {
            return "\"" + text + suffix + "\"";
        }
        final StringBuilder hex = new StringBuilder("0x");
        for (int i = 0; i < shown; i++)
        {
            hex.append(String.format("%02x", bytes[i]));
        }
        return hex + suffix;
    }
}
