// -Xlint:all -Werror: the build succeeds (no "No processor claimed" warning) and generated every file.
def log = new File(basedir, 'build.log').text
assert !log.contains('No processor claimed')
assert log.contains('BUILD SUCCESS')
def generated = new File(basedir, 'target/generated-sources/annotations/com/example')
assert new File(generated, 'JobCodec.java').isFile()
assert new File(generated, 'JobOrbital.java').isFile()
assert new File(basedir, 'target/classes/com/example/JobCodec.class').isFile()
return true
