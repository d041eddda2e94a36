# SYMBOL: DUPLICATE_SYMBOL, INVALID_SCALE (zero or negative baseScale/quoteScale),
# DUPLICATE_SYMBOL is checked before INVALID_SCALE; rejections carry an empty order id.
SYMBOL,0,BTC-USD,BTC,USD
SYMBOL,0,BTC-USD,BTC,USD
SYMBOL,0,ETH-USD,ETH,USD,0,1
SYMBOL,0,ETH-USD,ETH,USD,1,0
SYMBOL,0,ETH-USD,ETH,USD,-5,1
SYMBOL,0,ETH-USD,ETH,USD,1,-1
# duplicate AND bad scales -> DUPLICATE_SYMBOL
SYMBOL,0,BTC-USD,BTC,USD,0,0
# duplicate with other assets and valid scales is still a duplicate
SYMBOL,0,BTC-USD,XBT,USDT,10,10
SYMBOL,0,ETH-USD,ETH,USD,100,5
# a rejected symbol does not exist
SYMBOL,0,SOL-USD,SOL,USD,0,1
DEPOSIT,0,1,USD,1000
PLACE,1,1,10,SOL-USD,BUY,LIMIT,GTC,5,1
# ETH-USD has quoteScale 5: a buy of 2 lots at 10 reserves 10*2*5 = 100
PLACE,1,1,11,ETH-USD,BUY,LIMIT,GTC,10,2
