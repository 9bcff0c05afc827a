// A build without annotationProcessorPaths: javac finds only the annotations jar's check on the
// class path, which names the fix on the record's line instead of a bare "cannot find symbol".
def log = new File(basedir, 'build.log').text
assert log.contains('[OrbitProcessorMissing]')
assert log =~ /WorkerLoad\.java:\[6,\d+\]/
assert log.contains('annotationProcessorPaths')
return true
