# MARKET SELL: reserves qty*baseScale, sweeps bids best price first and oldest first within a
# price, trades at the bids' prices; when the book runs out the rest is IOC_REMAINDER and released.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,100000
DEPOSIT,0,3,USD,100000
DEPOSIT,0,2,BTC,100
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,100,2
PLACE,1,3,101,BTC-USD,BUY,LIMIT,GTC,100,1
PLACE,1,1,102,BTC-USD,BUY,LIMIT,GTC,95,3
PLACE,1,3,103,BTC-USD,BUY,LIMIT,GTC,90,1
# 2 @100 (100), 1 @100 (101), 2 @95 (102 keeps 1): 200 + 100 + 190 = 490
PLACE,2,2,104,BTC-USD,SELL,MARKET,IOC,,5
# 1 @95, 1 @90, then the book is empty: 8 cancelled
PLACE,3,2,105,BTC-USD,SELL,MARKET,IOC,,10
PLACE,4,2,106,BTC-USD,SELL,MARKET,IOC,,1
