/// Small valid inputs the mutator starts from (seed folders add more).
enum FuzzSeeds {
    static let builtIn: [[UInt8]] = [
        """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":1,"properties":{"name":"城关","w":3},"geometry":{"type":"Polygon","coordinates":[[[118.8,28.9],[118.9,28.9],[118.9,29.0],[118.8,29.0],[118.8,28.9]],[[118.84,28.94],[118.84,28.96],[118.86,28.96],[118.84,28.94]]]}},
        {"type":"Feature","properties":{"name":"岛","w":1.5},"geometry":{"type":"MultiPolygon","coordinates":[[[[119.0,29.0,12],[119.1,29.0,12],[119.1,29.1,12],[119.0,29.0,12]]]]}}
        ]}
        """,
        """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[
        {"type":"Feature","properties":{"id":"a1","w":2},"geometry":{"type":"Point","coordinates":[500123.5,3210456.25]}},
        {"type":"Feature","properties":{"id":"a2","w":"3.5"},"geometry":{"type":"MultiPoint","coordinates":[[500200,3210500],[500300,3210600]]}},
        {"type":"Feature","properties":{"id":"a3","w":null},"geometry":null}
        ]}
        """,
        #"{"type":"Point","coordinates":[118.87,28.95]}"#,
        #"{"type":"Feature","properties":{"w":1e3,"s":"\u00e9\ud83d\ude00\n"},"geometry":{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}}"#,
        "\u{FEFF}id,lon,lat,w\r\n1,118.87,28.95,3\r\n2,\"118.88\",28.96,\r\n3,118.89,28.97,0.5\r\n",
        "经度;纬度;w;id\n118.8;28.9;1;\"a;b\"\n118.9;29.0;2;\"say \"\"hi\"\"\"\n",
        "x,y,w,id\n500123.5,3210456.25,1,p1\n500200,3210500,2,p2\n",
    ].map { Array($0.utf8) }
}
