// The record moved the record to another KIND against the committed lock: the build fails with the tag on the exact line.
def log = new File(basedir, 'build.log').text
assert log.contains('[OrbitIncompatibleLayout] com.example.Job: its KIND changed from 20 to 21')
assert log.contains('published version 1 (long id, utf8[16] name, int tries), payloadCapacity 32')
assert log.contains('Job.java:[14,')
return true
