# The example from COMMAND-FILE.md, with --dump.
# IOC buy 7 at 30100 takes 5 at 30000 (maker price); remainder 2 cancelled IOC_REMAINDER.
# Buyer: reserves 30100*7 = 210700; fill 5: reserved -150500, available +(30100-30000)*5 = +500;
#        remainder releases 30100*2 = 60200. Net USD 1000000 - 150000 = 850000.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,1000000
DEPOSIT,0,2,BTC,100
PLACE,1,2,501,BTC-USD,SELL,LIMIT,GTC,30000,5
PLACE,2,1,502,BTC-USD,BUY,LIMIT,IOC,30100,7
