# IOC: partial fill + IOC_REMAINDER, full fill (no CANCELED), no fill (whole qty cancelled),
# reservation of the remainder released; also an IOC SELL that does not cross.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTC,100,2
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTC,110,2
# reserves 105*5 = 525; 2 @100: reserved -210, available +10; 110 does not cross; 3 cancelled, 315 released
PLACE,2,1,102,BTC-USD,BUY,LIMIT,IOC,105,5
PLACE,3,1,103,BTC-USD,BUY,LIMIT,IOC,110,2
PLACE,4,1,104,BTC-USD,BUY,LIMIT,IOC,120,4
PLACE,5,1,105,BTC-USD,BUY,LIMIT,GTC,90,1
PLACE,6,2,106,BTC-USD,SELL,LIMIT,IOC,95,3
# account 1 USD: 10000 - 200 - 220 = 9580, minus 90 reserved for 105
