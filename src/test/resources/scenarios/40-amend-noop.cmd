# An AMEND that changes nothing (empty fields, or the same values, or the same total after fills)
# succeeds with AMENDED (unchanged price and open qty) and keeps the queue place.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,BTC,100
DEPOSIT,0,2,BTC,100
DEPOSIT,0,3,USD,1000
PLACE,1,1,100,BTC-USD,SELL,LIMIT,GTC,70,3
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTC,70,3
AMEND,2,1,100,,
AMEND,3,1,100,70,3
PLACE,4,3,102,BTC-USD,BUY,LIMIT,IOC,70,1
# total 3 with 1 filled: open stays 2
AMEND,5,1,100,,3
PLACE,6,3,103,BTC-USD,BUY,LIMIT,IOC,70,1
