// KIND 220 is reserved by the runtime jar (the event bus): the build fails naming both.
def log = new File(basedir, 'build.log').text
assert log.contains('[OrbitDuplicateKind]')
assert log.contains('com.example.Gossip')
assert log.contains('io.orbit.runtime.event.OrbitEventBus')
return true
