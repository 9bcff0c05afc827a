package io.orbit.runtime.fleet;

import io.orbit.runtime.exceptions.InvalidFleetNameException;

/**
 * The fleet naming rule: 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9_.]}. No {@code -}
 * (so segment names parse back unambiguously) and no {@code /} (so a name never leaves the
 * shared-memory directory); {@code "."} and {@code ".."} are refused as well.
 */
public final class FleetName
{
    /** Longest fleet name. */
    public static final int MAX_LENGTH = 32;
    /** The rule, as shown in error messages. */
    public static final String RULE = "1-" + MAX_LENGTH + " characters of [A-Za-z0-9_.], not '.' or '..'";

    private FleetName()
    {
    }

    /**
     * @param name candidate fleet name.
     * @return the name, when valid.
     * @throws InvalidFleetNameException naming the rule that was broken.
     */
    public static String validate(final String name)
    {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || name.equals(".") || name.equals(".."))
        {
            throw invalid(name);
        }
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            final boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
            if (!ok)
            {
                throw invalid(name);
            }
        }
        return name;
    }

    private static InvalidFleetNameException invalid(final String name)
    {
        return new InvalidFleetNameException("invalid fleet name " + (name == null ? "null" : "'" + name + "'") + ": a fleet name is " + RULE);
    }
}
