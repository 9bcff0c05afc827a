// The generated sources exist and the cross-process test ran.
def generated = new File(basedir, 'target/generated-sources/annotations/com/example')
assert new File(generated, 'WorkerLoadCodec.java').isFile()
assert new File(generated, 'WorkerLoadOrbital.java').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
return true
