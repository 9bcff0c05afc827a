package io.orbit.processor.model;

import java.util.Locale;

/**
 * Naming rules of generated code and claims, in one place.
 */
public final class Names
{
    /** Root package of generated KIND claims. */
    public static final String CLAIM_PACKAGE = "orbit_kinds";

    private Names()
    {
    }

    /**
     * @param camel a Java identifier such as {@code busyCount} or {@code httpURL2}.
     * @return its UPPER_SNAKE form, e.g. {@code BUSY_COUNT}, {@code HTTP_URL2}.
     */
    public static String upperSnake(final String camel)
    {
        final StringBuilder out = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++)
        {
            final char c = camel.charAt(i);
            if (i > 0 && Character.isUpperCase(c))
            {
                final char previous = camel.charAt(i - 1);
                final boolean nextIsLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                final boolean wordStart = Character.isLowerCase(previous) || Character.isDigit(previous)
                    || (Character.isUpperCase(previous) && nextIsLower);
                if (wordStart && previous != '_')
                {
                    out.append('_');
                }
            }
            out.append(c);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * @param moduleName the claiming type's module, empty for the unnamed module.
     * @return {@code orbit_kinds}, or {@code orbit_kinds.<module name with . replaced by _>}: a
     * package per module, because one package in two named modules is a split package.
     */
    public static String claimPackage(final String moduleName)
    {
        return moduleName.isEmpty() ? CLAIM_PACKAGE : CLAIM_PACKAGE + "." + moduleName.replace('.', '_');
    }

    /**
     * @param namespace  the claim namespace ({@code ring} or {@code contest}).
     * @param kind       the claimed KIND.
     * @param binaryName the claiming type's binary name.
     * @return {@code K012_com_example_WorkerLoad} for ring claims, {@code C012_...} for contest claims.
     */
    public static String claimClassName(final ClaimNamespace namespace, final int kind, final String binaryName)
    {
        return String.format(Locale.ROOT, "%s%03d_%s", namespace.classPrefix(), kind,
            binaryName.replace('.', '_').replace('$', '_'));
    }
}
