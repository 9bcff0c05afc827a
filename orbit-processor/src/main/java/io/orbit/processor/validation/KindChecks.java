package io.orbit.processor.validation;

import io.orbit.processor.diagnostic.Message;
import io.orbit.processor.diagnostic.Problem;
import io.orbit.processor.element.VisibleClaim;
import io.orbit.processor.model.ClaimNamespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * KIND range and uniqueness across everything a compilation can see: the types of this round, the
 * types of earlier rounds, and the claims on the class and module paths (the runtime's reservations
 * among them). Errors point at the {@code kind = ...} value and name the other claimant.
 *
 * <p>Range decision: a KIND that the runtime jar claims is reported as {@code [OrbitDuplicateKind]}
 * naming the runtime type, even outside 1..199; any other KIND outside the user range is
 * {@code [OrbitKindRange]}. So only the user range of docs/spec.md §2 is written here; the reservations
 * themselves come from the runtime jar.
 */
public final class KindChecks
{
    private final Map<Key, String> earlierRounds = new HashMap<>();

    private record Key(ClaimNamespace namespace, int kind)
    {
    }

    /**
     * Checks one round's candidates and remembers them for later rounds.
     *
     * @param candidates the claims of this round's types.
     * @param claims     the claims visible on the class and module paths.
     * @param ownType    true for a binary name declared in this compilation: its visible claim (if
     *                   any) is this processor's own output, from an earlier round or an earlier
     *                   build, and the current source wins over it.
     * @return problems per candidate; candidates without problems are absent.
     */
    public Map<KindCandidate, List<Problem>> check(
        final List<KindCandidate> candidates,
        final List<VisibleClaim> claims,
        final Predicate<String> ownType)
    {
        final Map<Key, List<KindCandidate>> byKey = new LinkedHashMap<>();
        for (final KindCandidate candidate : candidates)
        {
            byKey.computeIfAbsent(key(candidate), k -> new ArrayList<>()).add(candidate);
        }
        final Map<KindCandidate, List<Problem>> problems = new LinkedHashMap<>();
        for (final KindCandidate candidate : candidates)
        {
            final List<Problem> found = checkOne(candidate, byKey.get(key(candidate)), claims, ownType);
            if (!found.isEmpty())
            {
                problems.put(candidate, found);
            }
        }
        for (final KindCandidate candidate : candidates)
        {
            if (candidate.namespace().inUserRange(candidate.kind()))
            {
                earlierRounds.putIfAbsent(key(candidate), candidate.binaryName());
            }
        }
        return problems;
    }

    private List<Problem> checkOne(
        final KindCandidate candidate,
        final List<KindCandidate> sameKey,
        final List<VisibleClaim> claims,
        final Predicate<String> ownType)
    {
        final ClaimNamespace namespace = candidate.namespace();
        final int kind = candidate.kind();
        final List<Problem> problems = new ArrayList<>();
        final VisibleClaim reserved = claims.stream()
            .filter(claim -> claim.isRuntime() && claim.namespace() == namespace && claim.kind() == kind)
            .findFirst().orElse(null);
        if (reserved != null)
        {
            problems.add(onKind(Message.DUPLICATE_KIND_RESERVED, candidate, reserved.type()));
            return problems;
        }
        if (!namespace.inUserRange(kind))
        {
            final Message message = namespace == ClaimNamespace.RING ? Message.RING_KIND_RANGE : Message.CONTEST_KIND_RANGE;
            problems.add(Problem.onValue(message, candidate.type(), candidate.annotation().mirror(),
                candidate.annotation().kindValue(), namespace.label(), kind, candidate.binaryName(),
                namespace.minKind(), namespace.maxKind()));
            return problems;
        }
        final List<String> others = new ArrayList<>();
        for (final KindCandidate other : sameKey)
        {
            if (other != candidate && !other.binaryName().equals(candidate.binaryName()))
            {
                others.add(other.binaryName());
            }
        }
        final String earlier = earlierRounds.get(key(candidate));
        if (earlier != null && !earlier.equals(candidate.binaryName()) && !others.contains(earlier))
        {
            others.add(0, earlier);
        }
        if (!others.isEmpty())
        {
            problems.add(onKind(Message.DUPLICATE_KIND_IN_COMPILATION, candidate, String.join(", ", others)));
        }
        claims.stream()
            .filter(claim -> claim.namespace() == namespace && claim.kind() == kind)
            .filter(claim -> !claim.type().equals(candidate.binaryName()) && !ownType.test(claim.type()))
            .findFirst()
            .ifPresent(claim -> problems.add(onKind(Message.DUPLICATE_KIND_ON_PATH, candidate,
                claim.type(), claim.claimClass(), claim.location())));
        return problems;
    }

    private static Problem onKind(final Message message, final KindCandidate candidate, final Object... rest)
    {
        final List<Object> args = new ArrayList<>();
        args.add(candidate.namespace().label());
        args.add(candidate.kind());
        args.add(candidate.binaryName());
        args.addAll(List.of(rest));
        return Problem.onValue(message, candidate.type(), candidate.annotation().mirror(),
            candidate.annotation().kindValue(), args.toArray());
    }

    private static Key key(final KindCandidate candidate)
    {
        return new Key(candidate.namespace(), candidate.kind());
    }
}
