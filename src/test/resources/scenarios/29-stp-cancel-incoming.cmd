# stp: CANCEL_INCOMING
# When the incoming order reaches its own resting order, the incoming remainder is cancelled
# (SELF_TRADE, a single CANCELED even for IOC); the own resting order stays untouched.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,1,BTC,100
DEPOSIT,0,2,BTC,100
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTC,100,2
PLACE,1,1,101,BTC-USD,SELL,LIMIT,GTC,100,2
PLACE,1,2,102,BTC-USD,SELL,LIMIT,GTC,101,2
# 2 @100 from 100, then own 101: remainder 3 cancelled (reserved 505 -> 303 released, +2 improvement)
PLACE,2,1,103,BTC-USD,BUY,LIMIT,GTC,101,5
# own 101 is at the front: nothing trades
PLACE,3,1,104,BTC-USD,BUY,LIMIT,IOC,100,1
PLACE,4,2,105,BTC-USD,SELL,LIMIT,GTC,99,1
# 1 @99 from 105, then own 101: 2 cancelled
PLACE,5,1,106,BTC-USD,BUY,LIMIT,GTC,100,3
