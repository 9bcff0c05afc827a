// Two types with KIND 12 in one compilation: the build fails naming both.
def log = new File(basedir, 'build.log').text
assert log.contains('[OrbitDuplicateKind]')
assert log.contains('com.example.WorkerLoad')
assert log.contains('com.example.other.QueueDepth')
return true
