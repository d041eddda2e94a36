# AMEND of a partially filled BUY (quoteScale 2) to a higher price and larger total: reservation
# recomputed on the new open qty, then it sweeps two levels with price improvement and is done.
SYMBOL,0,BTC-USD,BTC,USD,1,2
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
# reserves 50*10*2 = 1000
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,50,10
# 4 @50: 400; 100 open 6 (reserved 600)
PLACE,2,2,101,BTC-USD,SELL,LIMIT,IOC,50,4
PLACE,3,2,102,BTC-USD,SELL,LIMIT,GTC,60,3
PLACE,3,2,103,BTC-USD,SELL,LIMIT,GTC,62,5
# total 12 -> open 8; 65*8*2 = 1040, extra 440: available 8560
#   3 @60: reserved -390, available +(65-60)*3*2 = +30
#   5 @62: reserved -650, available +(65-62)*5*2 = +30  -> 8620, order filled 12 of 12
AMEND,4,1,100,65,12
CANCEL,5,1,100
