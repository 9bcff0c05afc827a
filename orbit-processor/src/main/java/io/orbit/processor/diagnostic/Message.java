package io.orbit.processor.diagnostic;

import java.util.Locale;

/**
 * Every diagnostic of the Orbit processor: its stable tag, its message template and its fix hint.
 * Both templates are {@link String#format} patterns over the same arguments. A formatted message
 * reads {@code [Tag] message. Fix: hint.}, so tools and tests can match the tag.
 */
public enum Message
{
    /** {@code @OrbitTyped} on a class, interface or enum. Args: type, what it is. */
    NOT_A_RECORD("OrbitNotARecord",
        "@OrbitTyped is on %s, which is %s, not a record",
        "declare it as a record whose components have a fixed layout, e.g. record WorkerLoad(int busy, int idle) {}"),

    /** Ring KIND outside 1..199. Args: label, kind, type, min, max. */
    RING_KIND_RANGE("OrbitKindRange",
        "%s %d of %s is outside %d..%d",
        "pick a KIND in 1..199; 0 and 200..255 are reserved for the Orbit runtime"),

    /** Contest KIND outside 1..255. Args: label, kind, type, min, max. */
    CONTEST_KIND_RANGE("OrbitKindRange",
        "%s %d of %s is outside %d..%d",
        "pick a contest KIND in 1..255"),

    /** Two types of this compilation claim one KIND. Args: label, kind, type, other types. */
    DUPLICATE_KIND_IN_COMPILATION("OrbitDuplicateKind",
        "%s %d of %s is also claimed by %s in this compilation",
        "give each type its own KIND"),

    /** A claim visible on the class or module path holds the KIND. Args: label, kind, type, other, claim, where. */
    DUPLICATE_KIND_ON_PATH("OrbitDuplicateKind",
        "%s %d of %s is already claimed by %s (claim %s on the %s)",
        "pick an unused KIND; if %4$s no longer exists, its claim is stale build output and a clean build removes it"),

    /** The runtime jar reserves the KIND. Args: label, kind, type, runtime type. */
    DUPLICATE_KIND_RESERVED("OrbitDuplicateKind",
        "%s %d of %s is reserved by the Orbit runtime for %s",
        "user types take KINDs 1..199"),

    /** {@code String} without {@code @Length}. Args: field. */
    UNSUPPORTED_STRING("OrbitUnsupportedType",
        "%s: a String has no fixed size",
        "declare it as @Length(n) String, with n the largest number of UTF-8 bytes it may hold"),

    /** A boxed primitive. Args: field, boxed type, primitive. */
    UNSUPPORTED_BOXED("OrbitUnsupportedType",
        "%s: %s is a boxed type, which can be null and has no fixed layout",
        "use the primitive %3$s"),

    /** A collection or map. Args: field, type. */
    UNSUPPORTED_COLLECTION("OrbitUnsupportedType",
        "%s: %s has a variable length, which a fixed-size slot cannot hold",
        "use a @Length(n) primitive array, or a fixed number of components"),

    /** An array of non-primitive elements, or a multi-dimensional array. Args: field, type. */
    UNSUPPORTED_ARRAY("OrbitUnsupportedType",
        "%s: %s is not an array of a primitive type",
        "use a @Length(n) array of a primitive type, or a nested @OrbitTyped record per element"),

    /** A nested record that is not {@code @OrbitTyped}. Args: field, record. */
    UNSUPPORTED_PLAIN_RECORD("OrbitUnsupportedType",
        "%s: record %s is not @OrbitTyped",
        "annotate %2$s with @OrbitTyped so that it has a fixed layout; it is then laid out inline"),

    /** Any other type. Args: field, type. */
    UNSUPPORTED_OTHER("OrbitUnsupportedType",
        "%s: %s has no fixed layout",
        "use a primitive, an enum, a @Length(n) String, a @Length(n) primitive array or a nested @OrbitTyped record"),

    /** A type variable. Args: field, variable. */
    UNSUPPORTED_TYPE_VARIABLE("OrbitUnsupportedType",
        "%s: type variable %s has no fixed layout",
        "use a concrete type"),

    /** Records that contain each other. Args: field, cycle. */
    UNSUPPORTED_CYCLE("OrbitUnsupportedType",
        "%s: records nest in a cycle (%s), so the layout would be infinite",
        "break the cycle; a fixed layout cannot contain itself"),

    /** A nested record whose own layout is invalid. Args: field, record, reason. */
    UNSUPPORTED_NESTED_INVALID("OrbitUnsupportedType",
        "%s: nested record %s has no valid layout (%s)",
        "fix %2$s first"),

    /** A nested record from a class file without its codec. Args: field, record, codec. */
    UNSUPPORTED_NESTED_WITHOUT_CODEC("OrbitUnsupportedType",
        "%s: nested record %s has no generated %s on the class path",
        "compile the library of %2$s with the Orbit annotation processor"),

    /** A generic record. Args: type. */
    UNSUPPORTED_GENERIC_RECORD("OrbitUnsupportedType",
        "%s has type parameters, which have no fixed layout",
        "remove the type parameters"),

    /** A type still unresolved in the last round. Args: type. */
    UNSUPPORTED_UNRESOLVED("OrbitUnsupportedType",
        "%s refers to a type or constant that could not be resolved",
        "fix the missing type; the Orbit processor waited for it until the last round"),

    /** An array without {@code @Length}. Args: field, array type. */
    BAD_LENGTH_MISSING("OrbitBadLength",
        "%s: the array %s has no @Length",
        "declare it as @Length(n) %2$s, with n the exact number of elements"),

    /** {@code @Length} zero or negative. Args: field, value. */
    BAD_LENGTH_NOT_POSITIVE("OrbitBadLength",
        "%s: @Length(%d) is not positive",
        "use @Length(n) with n > 0"),

    /** {@code @Length} on a type that takes none. Args: field, type. */
    BAD_LENGTH_NOT_APPLICABLE("OrbitBadLength",
        "%s: @Length does not apply to %s",
        "remove @Length; it applies to String and primitive array components only"),

    /** {@code @Since} zero or negative. Args: field, value. */
    BAD_SINCE_NOT_POSITIVE("OrbitBadSince",
        "%s: @Since(%d) is not positive",
        "use @Since(n) with n >= 2 for a component added in version n; components without @Since are version 1"),

    /** {@code @Since} lower than an earlier component's. Args: field, value, earlier value, earlier component. */
    BAD_SINCE_DECREASING("OrbitBadSince",
        "%s: @Since(%d) is lower than @Since(%d) of %s before it",
        "a version only appends components at the end: move the component before %4$s, or give it @Since(%3$d) or higher"),

    /** Declared payload capacity below version 1, above the runtime limit, or negative. Args: value, type, why. */
    BAD_PAYLOAD_CAPACITY("OrbitBadPayloadCapacity",
        "payloadCapacity %d of %s is %s",
        "leave payloadCapacity out for the default (the room a slot has anyway for version 1), or give a size between "
            + "the version-1 length and the runtime limit, with room for the versions you plan"),

    /** This version no longer fits the payload capacity. Args: type, field, since, end, version, length, capacity, origin. */
    PAYLOAD_CAPACITY_EXCEEDED("OrbitPayloadTooLarge",
        "%s: %s (@Since(%d)) ends at byte %d and version %d encodes to %d bytes, more than the ring's payload capacity of %d bytes (%s)",
        "the payload capacity is fixed with version 1: make the appended components smaller; or, for a record not yet "
            + "published or a release that restarts every process, set @OrbitTyped(payloadCapacity = %6$d) or more"),

    /** Capacity not a positive power of two. Args: capacity, type. */
    BAD_CAPACITY("OrbitBadCapacity",
        "capacity %d of %s is not a positive power of two",
        "use a power of two such as 1024 (the default)"),

    /** Encoded size above the runtime's slot payload limit. Args: type, size, limit. */
    PAYLOAD_TOO_LARGE("OrbitPayloadTooLarge",
        "%s encodes to %d bytes, more than the %d bytes the Orbit runtime allows in one slot payload",
        "shrink the @Length values, or split the record"),

    /** A private or local type that generated code cannot reach. Args: type, why, package. */
    INACCESSIBLE_TYPE("OrbitInaccessibleType",
        "%s is %s, so the generated code in package %s cannot reach it",
        "declare it as a top-level or member type that is not private"),

    /** A record differs incompatibly from its layout in the lock. Args: type, change, published layout, current layout, lock file. */
    INCOMPATIBLE_LAYOUT("OrbitIncompatibleLayout",
        "%s: %s; published %s, now %s, in %s",
        "undo the change (a published record may only rename components and append components with a higher @Since); "
            + "to publish a new layout on purpose, for a release that replaces every process of the fleet at once, rebuild "
            + "with -Aorbit.layouts.update=true and commit the lock"),

    /** The layout lock was written by Orbit 0.1.0. Args: file. */
    LAYOUT_LOCK_LEGACY("OrbitIncompatibleLayout",
        "the layout lock %s is in the Orbit 0.1.0 format, which has no layout versions, offsets or payload capacities",
        "0.1.0 and 0.2.0 processes cannot share a typed ring (its fingerprint and payload capacity changed), so "
            + "release 0.2.0 to the whole fleet at once: rebuild once with -Aorbit.layouts.update=true and commit the rewritten lock"),

    /** The layout lock cannot be read or written. Args: file, reason. */
    LAYOUT_LOCK_UNREADABLE("OrbitIncompatibleLayout",
        "cannot use the layout lock %s: %s",
        "check the -Aorbit.layouts path; the file is written by -Aorbit.layouts.update=true"),

    /** The filer refused a generated file. Args: type, exception. */
    WRITE_FAILED("OrbitWriteFailed",
        "could not write the generated files of %s: %s",
        "check that no other source or processor defines the same generated type names"),

    /** An unexpected exception inside the processor. Args: type, exception. */
    INTERNAL_ERROR("OrbitInternalError",
        "the Orbit processor failed unexpectedly on %s: %s",
        "this is a bug in the Orbit processor; please report it with this message");

    private final String tag;
    private final String template;
    private final String hint;

    Message(final String tag, final String template, final String hint)
    {
        this.tag = tag;
        this.template = template;
        this.hint = hint;
    }

    /**
     * @return the stable tag without brackets, e.g. {@code OrbitDuplicateKind}.
     */
    public String tag()
    {
        return tag;
    }

    /**
     * @return the message template.
     */
    public String template()
    {
        return template;
    }

    /**
     * @return the fix hint template.
     */
    public String hint()
    {
        return hint;
    }

    /**
     * @param args the template arguments.
     * @return {@code [Tag] message. Fix: hint.}
     */
    public String format(final Object... args)
    {
        return "[" + tag + "] " + String.format(Locale.ROOT, template, args)
            + ". Fix: " + String.format(Locale.ROOT, hint, args) + ".";
    }
}
