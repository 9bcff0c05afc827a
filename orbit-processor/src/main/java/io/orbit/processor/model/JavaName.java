package io.orbit.processor.model;

import java.util.List;

/**
 * The name of a Java type without {@code javax.lang.model}: its package and its simple names from
 * the top-level class inwards ({@code [Outer, Inner]} for a member type).
 *
 * @param packageName package, empty for the unnamed package.
 * @param simpleNames simple names, outermost first; never empty.
 */
public record JavaName(String packageName, List<String> simpleNames)
{
    /**
     * Copies the names and rejects an empty list.
     */
    public JavaName
    {
        simpleNames = List.copyOf(simpleNames);
        if (simpleNames.isEmpty())
        {
            throw new IllegalArgumentException("a type name needs at least one simple name");
        }
    }

    /**
     * @param packageName package, empty for the unnamed package.
     * @param simpleNames simple names, outermost first.
     * @return the name.
     */
    public static JavaName of(final String packageName, final String... simpleNames)
    {
        return new JavaName(packageName, List.of(simpleNames));
    }

    /**
     * @return the innermost simple name.
     */
    public String simpleName()
    {
        return simpleNames.get(simpleNames.size() - 1);
    }

    /**
     * @return the canonical name, e.g. {@code com.example.Outer.Inner}.
     */
    public String qualifiedName()
    {
        return prefix() + String.join(".", simpleNames);
    }

    /**
     * @return the binary name, e.g. {@code com.example.Outer$Inner}.
     */
    public String binaryName()
    {
        return prefix() + String.join("$", simpleNames);
    }

    /**
     * @return the simple names joined by {@code _}, the stem of companion class names
     * ({@code Outer_Inner} for a member type, as AutoValue does).
     */
    public String flatName()
    {
        return String.join("_", simpleNames);
    }

    /**
     * @param suffix appended to the flat name.
     * @return a top-level class in the same package, e.g. {@code WorkerLoadCodec}.
     */
    public JavaName companion(final String suffix)
    {
        return of(packageName, flatName() + suffix);
    }

    private String prefix()
    {
        return packageName.isEmpty() ? "" : packageName + ".";
    }

    @Override
    public String toString()
    {
        return qualifiedName();
    }
}
