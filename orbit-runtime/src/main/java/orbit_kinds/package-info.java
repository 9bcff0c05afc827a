/**
 * KIND claims: one small class per claimed KIND, annotated {@link io.orbit.annotations.KindClaim}.
 * The runtime's own reservations live here; generated claims of user types join them in this
 * package from every jar on the class path, which is how the annotation processor sees them.
 */
package orbit_kinds;
