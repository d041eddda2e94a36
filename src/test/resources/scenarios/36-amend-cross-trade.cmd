# AMEND to a crossing price: AMENDED (new price, open qty before matching) first, then the order
# trades as taker at the makers' prices with price improvement released; its remainder rests.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTC,100,2
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTC,102,2
# reserves 95*5 = 475
PLACE,1,1,102,BTC-USD,BUY,LIMIT,GTC,95,5
# new reservation 103*5 = 515 (extra 40): available 9485
# 2 @100: reserved -206, available +6; 2 @102: reserved -206, available +2; 1 rests (reserved 103)
AMEND,2,1,102,103,
