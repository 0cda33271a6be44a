// The contract was generated, compiled with the code that implements it, and the left-out operation named.
def log = new File(basedir, 'build.log').text
assert log.contains('parley:generate: left out PUT /items: the request body is [text/csv]')
assert log.contains('-> com.example.shop.Shop (shop 1.2, 2 operations, 4 files)')
assert new File(basedir, 'target/generated-sources/parley/com/example/shop/Shop.java').text
        .contains('@dev.parley.http.Get("/items/{id}")')
assert new File(basedir, 'target/classes/com/example/shop/ShopService.class').isFile()
return true
