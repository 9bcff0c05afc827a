/**
 * Every error the Orbit runtime raises: one unchecked root, {@link io.orbit.runtime.exceptions.OrbitException},
 * and one subclass per situation. Messages name the fleet, the KIND, the file and the limit
 * involved, and what to do. The full rule is in {@code docs/errors.md}.
 *
 * <h2>Misuse of an argument (before anything is claimed or written)</h2>
 * <ul>
 *   <li>{@link io.orbit.runtime.exceptions.InvalidArgumentException} — the family root, thrown itself
 *       for a null required value (clock, key, topic, label, value), an empty subject, owner, key or
 *       topic, a zero or negative TTL or age, a frame kind outside 0..255, a cursor of another ring;
 *       checked by {@link io.orbit.runtime.exceptions.Arguments}.</li>
 *   <li>{@link io.orbit.runtime.exceptions.PayloadTooLargeException} — a payload, key, value, topic,
 *       label, string or array past its byte limit (ring payload capacity, cache and event frame
 *       limits, contest label limits, a {@code @Length}), or a batch larger than the ring.</li>
 *   <li>{@link io.orbit.runtime.exceptions.InvalidValueException} — a generated codec cannot encode a
 *       value for a reason other than size: a null component, a string holding U+0000.</li>
 *   <li>{@link io.orbit.runtime.exceptions.InvalidFleetNameException} — a fleet name outside
 *       1..32 characters of {@code [A-Za-z0-9_.]}.</li>
 *   <li>{@link io.orbit.runtime.exceptions.InvalidFleetSizeException} — a fleet size outside 1..65 535.</li>
 *   <li>{@link io.orbit.runtime.exceptions.NodeOutsideFleetException} — a node id outside 0..size-1.</li>
 *   <li>{@link io.orbit.runtime.exceptions.InvalidRingSpecException} — a ring spec that cannot exist
 *       (capacity not a power of two, KIND outside 0..255, a codec whose length differs from its ring).</li>
 *   <li>{@link io.orbit.runtime.exceptions.InvalidNetIdException} — text, bytes or parts that are no NetId64.</li>
 * </ul>
 *
 * <h2>The shared-memory directory and its files (at join)</h2>
 * <ul>
 *   <li>{@link io.orbit.runtime.exceptions.ShmDirectoryException} — the directory is missing, not a
 *       directory, or writable by others without the sticky bit.</li>
 *   <li>{@link io.orbit.runtime.exceptions.UntrustedFileException} — a segment or lease path holds a
 *       symbolic link, FIFO, directory or device, a file of another uid, or a file with group/other
 *       permission bits; nothing was read or written through it.</li>
 *   <li>{@link io.orbit.runtime.exceptions.InsufficientShmSpaceException} — too little free space for
 *       a new segment (never a SIGBUS later: segments are fully allocated before they are published).</li>
 *   <li>{@link io.orbit.runtime.exceptions.SegmentLayoutException} — a segment's header differs from
 *       what this process expects (field, expected, found, likely cause, clean-up).</li>
 *   <li>{@link io.orbit.runtime.exceptions.SegmentNotReadyException} — a segment stayed not ready for
 *       the attach timeout while its in-place creator may still be at work.</li>
 * </ul>
 *
 * <h2>Fleet state</h2>
 * <ul>
 *   <li>{@link io.orbit.runtime.exceptions.NodeInUseException} — another live holder has the node.</li>
 *   <li>{@link io.orbit.runtime.exceptions.KindConflictException} — one KIND asked for with two specs or two types.</li>
 *   <li>{@link io.orbit.runtime.exceptions.FleetClosedException} — a write through a closed fleet, ring,
 *       exclusive publisher or substrate.</li>
 *   <li>{@link io.orbit.runtime.exceptions.ReentrantPublishException} — a publish from inside the same
 *       thread's own publish (its encoder) or past its own exclusive publisher.</li>
 *   <li>{@link io.orbit.runtime.exceptions.LeaseLostException} — renewing a contest lease that is no longer yours.</li>
 *   <li>{@link io.orbit.runtime.exceptions.ContestTableFullException} — every contest slot holds a live lease.</li>
 *   <li>{@link io.orbit.runtime.exceptions.NotifyDisabledException} — a cursor's {@code await} on a ring
 *       whose publishers never notify ({@code Notify.NONE}).</li>
 *   <li>{@link io.orbit.runtime.exceptions.ForeignWriterException} — another process moved this process's
 *       PER_NODE lane head (an orbit-rs process as the same node), only with
 *       {@code -Dorbit.ring.failOnForeignWriter=true}.</li>
 * </ul>
 */
package io.orbit.runtime.exceptions;
