// lib.jar claims KIND 12; app claims it again: app's build fails naming both types.
def log = new File(basedir, 'build.log').text
assert log.contains('[OrbitDuplicateKind]')
assert log.contains('com.example.app.AppLoad')
assert log.contains('com.example.lib.LibLoad')
assert log.contains('BUILD FAILURE')
return true
