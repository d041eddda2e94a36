# GTC: a crossing order trades at the maker's price, its remainder rests; a later crossing SELL
# trades at the resting bid's price (1000), not at its own limit (990).
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,100000
DEPOSIT,0,2,BTC,100
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTC,1000,3
# reserves 5000; 3 @1000 fill (reserved -3000), 2 rest (reserved 2000)
PLACE,2,1,101,BTC-USD,BUY,LIMIT,GTC,1000,5
# 1 @1000: buyer reserved 2000 -> 1000
PLACE,3,2,102,BTC-USD,SELL,LIMIT,GTC,990,1
