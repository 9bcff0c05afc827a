// The record widened a component's type against the committed lock: the build fails with the tag on the exact line.
def log = new File(basedir, 'build.log').text
assert log.contains('[OrbitIncompatibleLayout] com.example.Job: component 3 (tries) was int tries, now long tries: its type changed')
assert log.contains('published version 1 (long id, utf8[16] name, int tries), payloadCapacity 32')
assert log.contains('Job.java:[18,')
return true
