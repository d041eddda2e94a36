# A partially filled GTD expires with its open qty (6 of 10); a fully filled GTD never expires.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
# reserves 1000
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTD:50,100,10
# 4 @100 (maker price): reserved 1000 -> 600
PLACE,2,2,101,BTC-USD,SELL,LIMIT,IOC,95,4
PLACE,3,2,102,BTC-USD,SELL,LIMIT,GTD:40,120,1
PLACE,4,1,103,BTC-USD,BUY,LIMIT,IOC,120,1
# seq 8: 102 was filled, nothing expires
TICK,40
# seq 9: 100 expires, 600 released
TICK,50
