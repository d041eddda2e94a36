# An empty time field means "same as the previous command" (0 at the start); it drives GTD
# validity and expiry like an explicit time.
SYMBOL,,BTC-USD,BTC,USD
DEPOSIT,,1,USD,1000
DEPOSIT,,2,BTC,10
# time 0: GTD:0 is not later than 0
PLACE,,1,100,BTC-USD,BUY,LIMIT,GTD:0,10,1
PLACE,,1,101,BTC-USD,BUY,LIMIT,GTD:7,10,1
TICK,5
# time 5
PLACE,,1,102,BTC-USD,BUY,LIMIT,GTD:5,10,1
PLACE,,1,103,BTC-USD,BUY,LIMIT,GTD:6,11,1
DEPOSIT,6,1,USD,1
# time 6: 101 (GTD:7) still there
PLACE,,2,104,BTC-USD,SELL,LIMIT,GTC,10,1
TICK,
PLACE,7,1,105,BTC-USD,BUY,LIMIT,GTD:8,9,1
PLACE,,1,106,BTC-USD,BUY,LIMIT,GTD:8,8,1
TICK,8
