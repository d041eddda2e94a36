# Price-time priority: best price first, then oldest first within a level; a partially filled
# maker keeps its place at the front of its level.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,100000
DEPOSIT,0,2,BTC,100
DEPOSIT,0,3,BTC,100
DEPOSIT,0,4,BTC,100
PLACE,1,3,100,BTC-USD,SELL,LIMIT,GTC,50,2
PLACE,2,2,101,BTC-USD,SELL,LIMIT,GTC,50,2
PLACE,3,4,102,BTC-USD,SELL,LIMIT,GTC,50,2
PLACE,4,2,103,BTC-USD,SELL,LIMIT,GTC,49,1
# 1 @49 (103), 2 @50 (100), 1 @50 (101 keeps 1)
PLACE,5,1,104,BTC-USD,BUY,LIMIT,GTC,50,4
# 1 @50 (101 first), 1 @50 (102 keeps 1)
PLACE,6,1,105,BTC-USD,BUY,LIMIT,GTC,50,2
# account 1 pays 49 + 100 + 50 + 50 + 50 = 299
