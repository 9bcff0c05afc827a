// The record reordered two components against the committed lock: the build fails with the tag on the exact line.
def log = new File(basedir, 'build.log').text
assert log.contains('[OrbitIncompatibleLayout] com.example.Job: component 2 (tries) was published later in the record: components were reordered')
assert log.contains('published version 1 (long id, utf8[16] name, int tries), payloadCapacity 32')
assert log.contains('Job.java:[17,')
return true
