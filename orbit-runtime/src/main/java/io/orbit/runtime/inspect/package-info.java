/**
 * Read-only inspection of a shared-memory directory: which fleets have files there, what each
 * segment's header says, which node leases are held. Used by the {@code orbit} command; nothing here
 * creates a file, maps one writable or takes a lease.
 */
package io.orbit.runtime.inspect;
