// The build must have failed because of the check, not for any other reason.
def log = new File(basedir, 'build.log').text
assert log.contains('BREAKING   response-field-removed  Ride.driver: removed (string)')
assert log.contains('Breaking contract changes without a new major version in [com.example.rides.Rides]')
return true
