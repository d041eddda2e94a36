# STP NONE (default): an account's own orders match each other, and count as FOK liquidity.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,1000
DEPOSIT,0,1,BTC,10
PLACE,1,1,100,BTC-USD,SELL,LIMIT,GTC,100,3
# reserves 220; 2 @100: reserved -220, available +20 (improvement) +200 (seller side): USD back to 1000
PLACE,2,1,101,BTC-USD,BUY,LIMIT,GTC,110,2
DEPOSIT,3,2,BTC,10
PLACE,3,2,102,BTC-USD,SELL,LIMIT,GTC,101,1
# FOK 2 at 101: own 1 @100 + account 2's 1 @101 = 2 -> fills
PLACE,4,1,103,BTC-USD,BUY,LIMIT,FOK,101,2
