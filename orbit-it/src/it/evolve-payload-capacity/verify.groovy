// The record declared a larger payload capacity against the committed lock: the build fails with the tag on the exact line.
def log = new File(basedir, 'build.log').text
assert log.contains('[OrbitIncompatibleLayout] com.example.Job: its payloadCapacity changed from 32 to 64 bytes, which fixes the ring\'s slot size')
assert log.contains('published version 1 (long id, utf8[16] name, int tries), payloadCapacity 32')
assert log.contains('Job.java:[15,')
return true
