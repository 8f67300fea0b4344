export { DriverBook, TOP_DRIVERS } from "./driverBook";
