export { DriverBook, TOP_DRIVERS } from "./driverBook";
export { bridgeText, comparisonText, signedAmount, whyText } from "./whyText";
export { priceVolumeMix, type BridgeSide } from "./bridge";
