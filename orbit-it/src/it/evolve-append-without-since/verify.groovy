// The record appended a component without @Since against the committed lock: the build fails with the tag on the exact line.
def log = new File(basedir, 'build.log').text
assert log.contains('[OrbitIncompatibleLayout] com.example.Job: component 4 (int priority) was appended without a @Since higher than the published version 1')
assert log.contains('published version 1 (long id, utf8[16] name, int tries), payloadCapacity 32')
assert log.contains('Job.java:[20,')
return true
