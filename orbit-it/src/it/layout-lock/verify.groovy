// The record changed its @Length against the committed lock: the build fails on that component.
def log = new File(basedir, 'build.log').text
assert log.contains('[OrbitIncompatibleLayout] com.example.Job: component 2 (name) was utf8[16] name, now utf8[24] name: its @Length changed')
assert log.contains('Job.java:[14,')
return true
