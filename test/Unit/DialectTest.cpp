//===- DialectTest.cpp - attributes, weights and model tables -------------===//

#include "dialects/SNN/SNNOps.h"
#include "dialects/SNN/Weights.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace snnc::snn;

namespace {
class SNNDialectTest : public ::testing::Test {
protected:
  SNNDialectTest() { context.loadDialect<SNNDialect>(); }
  Attribute parse(StringRef text) { return parseAttribute(text, &context); }
  MLIRContext context;
};
} // namespace

TEST_F(SNNDialectTest, QuantityConvertsUnits) {
  auto q = llvm::dyn_cast_or_null<QuantityAttr>(parse("#snn.q<0.02 s>"));
  ASSERT_TRUE(q);
  EXPECT_EQ(q.getDimension(), Dimension::time);
  EXPECT_EQ(q.at(0), 20.0);
  // Equal quantities written in different units are the same attribute.
  EXPECT_EQ(q, parse("#snn.q<20 ms>"));
}

TEST_F(SNNDialectTest, QuantityArraysBroadcast) {
  auto q = llvm::cast<QuantityAttr>(parse("#snn.q<[1, 2, 3] mV>"));
  EXPECT_FALSE(q.isScalar());
  EXPECT_EQ(q.at(2), 3.0);
  auto s = llvm::cast<QuantityAttr>(parse("#snn.q<-65 mV>"));
  EXPECT_EQ(s.at(7), -65.0);
}

TEST_F(SNNDialectTest, LognormalShiftsLocationOnly) {
  auto d = llvm::cast<DistributionAttr>(parse("#snn.dist<lognormal(0, 1) nS>"));
  // exp(N(0,1)) nS = exp(N(ln 1e-3, 1)) uS.
  EXPECT_NEAR(d.getParams()[0], std::log(1e-3), 1e-12);
  EXPECT_EQ(d.getParams()[1], 1.0);
  EXPECT_EQ(d.getDimension(), Dimension::conductance);
}

TEST_F(SNNDialectTest, StepCoefficientsPerScheme) {
  auto lif = getStepCoefficients(LIFOp::getNeuronModel(), Scheme::exact);
  ASSERT_TRUE(lif);
  EXPECT_EQ(lif->size(), 2u);
  EXPECT_FALSE(getStepCoefficients(HHOp::getNeuronModel(), Scheme::exact));
  auto hh = getStepCoefficients(HHOp::getNeuronModel(),
                                Scheme::exponential_euler);
  ASSERT_TRUE(hh);
  auto cubaEuler =
      getStepCoefficients(CubaLIFOp::getNeuronModel(), Scheme::euler);
  ASSERT_TRUE(cubaEuler);
  EXPECT_EQ(cubaEuler->size(), 2u);
}

TEST_F(SNNDialectTest, ModelTablesNameRequiredParameters) {
  const NeuronModel &lif = LIFOp::getNeuronModel();
  const ParamSpec *tau = lif.findParam("tau");
  ASSERT_TRUE(tau);
  EXPECT_FALSE(tau->defaultValue);
  EXPECT_EQ(tau->dim, snnc::snn::units::Dim::time);
  const ParamSpec *reset = lif.findParam("v_reset");
  ASSERT_TRUE(reset && reset->defaultValue);
  EXPECT_EQ(*reset->defaultValue, 0.0);
  EXPECT_TRUE(lif.findState("v"));
  EXPECT_FALSE(lif.findState("m"));
}

TEST_F(SNNDialectTest, WeightsRoundTripInlineAndResource) {
  std::vector<double> values{1.5, -2.0, 0.25, 4.0, 0.0, -0.5};
  for (bool resource : {false, true}) {
    ElementsAttr attr = makeF32Tensor(&context, {2, 3}, values, resource);
    EXPECT_EQ(llvm::isa<DenseResourceElementsAttr>(attr), resource);
    SmallVector<double> read;
    ASSERT_TRUE(succeeded(readFloats(attr, read)));
    EXPECT_EQ(std::vector<double>(read.begin(), read.end()), values);
  }
}
