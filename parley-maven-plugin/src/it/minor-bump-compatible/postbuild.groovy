def log = new File(basedir, 'build.log').text
assert log.contains('rides 1.0 -> rides 1.1: 0 breaking, 1 compatible, 0 cosmetic: compatible')
return true
