// Two jars of one record, version 1 and version 2, shared one ring as separate JVMs in both directions.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert log.contains('LOADED v2 busy=999 queued=0 host=\'\' mode=NORMAL length=8')
assert log.contains('LOADED v1 busy=999 idle=' + (999 ^ (0x5A5A + 1)) + ' length=32')
def accounts = log.readLines().findAll { it.startsWith('ACCOUNT ') }
assert accounts.size() == 2 : accounts
accounts.each { line ->
    def field = { String name -> (line =~ /\b${name}=(\d+)/)[0][1] as long }
    def total = field('total')
    assert field('torn') == 0 : line
    assert field('runtime-corrupt') == 0 : line
    assert field('runtime-abandoned') == 0 : line
    assert field('peer-seen') + field('peer-skipped') == total : line
    assert field('own-seen') + field('own-skipped') == total : line
    assert field('runtime-delivered') == field('peer-seen') + field('own-seen') : line
    assert field('runtime-lost') == field('peer-skipped') + field('own-skipped') : line
    assert field('peer-last') == total - 1 : line
}
assert accounts.any { it.startsWith('ACCOUNT v1 ') && it.contains('peer-lengths={32=') }
assert accounts.any { it.startsWith('ACCOUNT v2 ') && it.contains('peer-lengths={8=') }
return true
