# AMEND that increases qty loses the queue place (back of its level) and reserves the extra.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,USD,10000
DEPOSIT,0,3,BTC,100
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,40,2
PLACE,1,2,101,BTC-USD,BUY,LIMIT,GTC,40,2
# reserved 80 -> 200
AMEND,2,1,100,,5
# 101 is now first: 2 @40 from 101, then 1 @40 from 100
PLACE,3,3,102,BTC-USD,SELL,LIMIT,IOC,40,3
