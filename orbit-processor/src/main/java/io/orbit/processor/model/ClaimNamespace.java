package io.orbit.processor.model;

/**
 * The two KIND namespaces; a KIND is unique within one namespace only.
 */
public enum ClaimNamespace
{
    /** Ring KINDs of {@code @OrbitTyped} records: user range 1..199. */
    RING("ring", "K", "ring KIND", 1, 199),
    /** Contest subject namespaces of {@code @ContestType} types: 1..255. */
    CONTEST("contest", "C", "contest KIND", 1, 255);

    private final String id;
    private final String classPrefix;
    private final String label;
    private final int minKind;
    private final int maxKind;

    ClaimNamespace(final String id, final String classPrefix, final String label, final int minKind, final int maxKind)
    {
        this.id = id;
        this.classPrefix = classPrefix;
        this.label = label;
        this.minKind = minKind;
        this.maxKind = maxKind;
    }

    /**
     * @return the value of {@code @KindClaim(namespace = ...)}.
     */
    public String id()
    {
        return id;
    }

    /**
     * @return the claim class name prefix, {@code K} or {@code C}.
     */
    public String classPrefix()
    {
        return classPrefix;
    }

    /**
     * @return the phrase used in messages, e.g. {@code ring KIND}.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return the smallest KIND a user type may claim.
     */
    public int minKind()
    {
        return minKind;
    }

    /**
     * @return the largest KIND a user type may claim.
     */
    public int maxKind()
    {
        return maxKind;
    }

    /**
     * @param kind a KIND.
     * @return true when a user type may claim it.
     */
    public boolean inUserRange(final int kind)
    {
        return kind >= minKind && kind <= maxKind;
    }

    /**
     * @param kind a KIND.
     * @return true when it fits the one-byte KIND field at all (0..255).
     */
    public static boolean fitsByte(final int kind)
    {
        return kind >= 0 && kind <= 255;
    }

    /**
     * @param id a {@code @KindClaim} namespace value.
     * @return the namespace, or null for an unknown value (a claim from a newer runtime).
     */
    public static ClaimNamespace ofId(final String id)
    {
        for (final ClaimNamespace namespace : values())
        {
            if (namespace.id.equals(id))
            {
                return namespace;
            }
        }
        return null;
    }
}
